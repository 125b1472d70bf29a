using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Limits;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// Checks a whole request body against <see cref="ApiLimits"/> before any reader sees it: every string is valid
/// UTF-16 (no lone surrogate) and within its length (members named "label" or "name" have their own, shorter limit),
/// and no array or object is longer than the limit. So no reader can store or echo an unbounded value.
/// </summary>
public static class JsonBodyLimits
{
    public static void Check(JsonElement root) => Check(root, member: null);

    private static void Check(JsonElement element, string? member)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(element, member);
                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > ApiLimits.MaxArrayLength) throw TooLong(Subject("an array", member), ApiLimits.MaxArrayLength, "items");
                foreach (var item in element.EnumerateArray()) Check(item, member);
                break;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (++count > ApiLimits.MaxArrayLength) throw TooLong(Subject("an object", member), ApiLimits.MaxArrayLength, "members");
                    var name = Name(property);
                    Check(property.Value, name);
                }
                break;
        }
    }

    private static void CheckString(JsonElement element, string? member)
    {
        string text;
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw NotUnicode(member);
        }
        var limit = member switch
        {
            "label" => ApiLimits.MaxLabelLength,
            "name" => ApiLimits.MaxNameLength,
            _ => ApiLimits.MaxStringLength,
        };
        if (text.Length > limit) throw TooLong(member is "label" or "name" ? member : Subject("a string", member), limit, "characters");
    }

    private static string Name(JsonProperty property)
    {
        string name;
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            throw NotUnicode(member: null);
        }
        if (name.Length > ApiLimits.MaxNameLength) throw TooLong("a member name", ApiLimits.MaxNameLength, "characters");
        return name;
    }

    private static string Subject(string what, string? member) => member is null ? what : $"{what} in {member}";

    private static OverkizException TooLong(string what, long limit, string unit) => new(OverkizError.LimitExceeded(what, limit, unit));

    private static OverkizException NotUnicode(string? member) =>
        new(OverkizError.BadParameters(member is null
            ? "strings must be valid Unicode (a lone surrogate such as \\ud800 is not)"
            : $"{member} must be valid Unicode (a lone surrogate such as \\ud800 is not)"));
}
