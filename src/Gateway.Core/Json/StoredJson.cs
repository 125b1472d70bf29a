using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Limits;

namespace Gateway.Core.Json;

/// <summary>
/// Reads stored JSON at start-up so that no stored content can stop the gateway: an item that is not valid JSON,
/// does not fit its type or is larger than <see cref="ApiLimits.MaxStoredDocumentLength"/> is skipped and reported
/// through <c>skipped</c> (with its oid when it has one), and the rest loads.
/// </summary>
public static class StoredJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    /// <summary>The items of a stored JSON array, each read on its own.</summary>
    public static List<T> ReadList<T>(string? json, JsonTypeInfo<T> item, Action<string> skipped) where T : class
    {
        if (json is null) return [];
        using var document = Parse(json, skipped, ApiLimits.MaxStoredDocumentLength * 64L);
        if (document is null) return [];
        return ReadList(document.RootElement, item, skipped);
    }

    public static List<T> ReadList<T>(JsonElement array, JsonTypeInfo<T> item, Action<string> skipped) where T : class
    {
        var items = new List<T>();
        if (array.ValueKind == JsonValueKind.Null) return items;
        if (array.ValueKind != JsonValueKind.Array)
        {
            skipped($"expected a JSON array, found {array.ValueKind}");
            return items;
        }
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (ReadElement(element, item, $"item {index} ({IdOf(element)})", skipped) is { } value) items.Add(value);
            index++;
        }
        return items;
    }

    /// <summary>One stored document, or null (reported) when it cannot be read.</summary>
    public static T? ReadOne<T>(string? json, JsonTypeInfo<T> type, Action<string> skipped) where T : class
    {
        if (json is null) return null;
        if (json.Length > ApiLimits.MaxStoredDocumentLength)
        {
            skipped($"{json.Length} characters, over the limit of {ApiLimits.MaxStoredDocumentLength}");
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? Report<T>(skipped, "null document");
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return Report<T>(skipped, ex.Message);
        }
    }

    /// <summary>A stored JSON document parsed for reading by parts, or null (reported) when it cannot be.</summary>
    public static JsonDocument? Parse(string json, Action<string> skipped, long maxLength = ApiLimits.MaxStoredDocumentLength)
    {
        if (json.Length > maxLength)
        {
            skipped($"{json.Length} characters, over the limit of {maxLength}");
            return null;
        }
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            skipped($"not JSON ({ex.Message})");
            return null;
        }
    }

    private static T? ReadElement<T>(JsonElement element, JsonTypeInfo<T> type, string name, Action<string> skipped) where T : class
    {
        var length = element.GetRawText().Length;
        if (length > ApiLimits.MaxStoredDocumentLength)
            return Report<T>(skipped, $"{name}: {length} characters, over the limit of {ApiLimits.MaxStoredDocumentLength}");
        try
        {
            return element.Deserialize(type) ?? Report<T>(skipped, $"{name}: null");
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return Report<T>(skipped, $"{name}: {ex.Message}");
        }
    }

    private static string IdOf(JsonElement element)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("oid", out var oid) && oid.ValueKind == JsonValueKind.String
                && oid.GetString() is { Length: <= 64 } text ? "oid " + text : "no oid";
        }
        catch (InvalidOperationException)
        {
            return "no oid";
        }
    }

    private static T? Report<T>(Action<string> skipped, string reason) where T : class
    {
        skipped(reason);
        return null;
    }

    private static bool IsUnreadable(Exception ex) =>
        ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException or OverflowException;
}
