using System.Globalization;
using System.Text.Json;

namespace Gateway.Engine.Automation;

/// <summary>A condition's fixed value, read once in every form a state may be compared with.</summary>
internal sealed record ComparisonValue(string Text, double? Number, bool? Boolean)
{
    public static ComparisonValue? From(JsonElement? element)
    {
        if (element is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => FromText(value.GetString() ?? ""),
            JsonValueKind.Number => new ComparisonValue(value.GetRawText(), value.GetDouble(), null),
            JsonValueKind.True => new ComparisonValue("true", null, true),
            JsonValueKind.False => new ComparisonValue("false", null, false),
            _ => null,
        };
    }

    private static ComparisonValue FromText(string text)
    {
        double? number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
        bool? boolean = text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : null;
        return new ComparisonValue(text, number, boolean);
    }
}
