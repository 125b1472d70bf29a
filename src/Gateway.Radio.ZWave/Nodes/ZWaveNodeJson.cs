using System.Text;
using System.Text.Json;

namespace Gateway.Radio.ZWave.Nodes;

/// <summary>A node as stored in the radio settings store (JSON written and read by hand, AOT-safe).</summary>
public static class ZWaveNodeJson
{
    public static string Write(ZWaveNode node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("nodeId", node.NodeId);
            json.WriteBoolean("listening", node.Listening);
            json.WriteNumber("basic", node.Basic);
            json.WriteNumber("generic", node.Generic);
            json.WriteNumber("specific", node.Specific);
            json.WriteString("commandClasses", Convert.ToHexString([.. node.CommandClasses]));
            json.WriteString("notificationTypes", Convert.ToHexString([.. node.NotificationTypes]));
            if (node.ManufacturerId is { } manufacturer) json.WriteNumber("manufacturerId", manufacturer);
            if (node.ProductType is { } type) json.WriteNumber("productType", type);
            if (node.ProductId is { } id) json.WriteNumber("productId", id);
            if (node.ApplicationVersion is { } version) json.WriteString("applicationVersion", version);
            if (node.Refused is { } refused) json.WriteString("refused", refused);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The stored node, or null when the text is not one.</summary>
    public static ZWaveNode? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return new ZWaveNode(root.GetProperty("nodeId").GetByte(), root.GetProperty("listening").GetBoolean(), root.GetProperty("basic").GetByte(),
                root.GetProperty("generic").GetByte(), root.GetProperty("specific").GetByte(), Convert.FromHexString(root.GetProperty("commandClasses").GetString() ?? ""))
            {
                NotificationTypes = Convert.FromHexString(root.TryGetProperty("notificationTypes", out var n) ? n.GetString() ?? "" : ""),
                ManufacturerId = root.TryGetProperty("manufacturerId", out var m) ? m.GetUInt16() : null,
                ProductType = root.TryGetProperty("productType", out var t) ? t.GetUInt16() : null,
                ProductId = root.TryGetProperty("productId", out var p) ? p.GetUInt16() : null,
                ApplicationVersion = root.TryGetProperty("applicationVersion", out var v) ? v.GetString() : null,
                Refused = root.TryGetProperty("refused", out var r) ? r.GetString() : null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
