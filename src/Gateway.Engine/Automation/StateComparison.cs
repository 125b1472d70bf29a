using System.Globalization;
using System.Text.Json;
using Gateway.Core.Model;

namespace Gateway.Engine.Automation;

/// <summary>
/// Compares a state with a condition's value. Numbers compare as numbers (also a numeric string state); strings and
/// booleans support equality only, an ordering operator on them is false.
/// </summary>
internal static class StateComparison
{
    public static bool Holds(DeviceState state, ConditionOperator op, ComparisonValue first, ComparisonValue? second)
    {
        var value = state.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return first.Number is { } target
                    ? Numeric(value.GetDouble(), op, target, second?.Number)
                    : Equality(value.GetRawText() == first.Text, op);
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                if (!ConditionOperators.IsOrdering(op)) return Equality(string.Equals(text, first.Text, StringComparison.Ordinal), op);
                return first.Number is { } bound && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && Numeric(number, op, bound, second?.Number);
            case JsonValueKind.True or JsonValueKind.False:
                return !ConditionOperators.IsOrdering(op) && Equality(first.Boolean == (value.ValueKind == JsonValueKind.True), op);
            default:
                return !ConditionOperators.IsOrdering(op) && Equality(value.GetRawText() == first.Text, op);
        }
    }

    /// <summary>
    /// Compares two states (left operand first). Numbers, numeric strings included, compare as numbers; otherwise
    /// only equality holds: booleans when either side is a JSON boolean, text as is. BETWEEN never holds.
    /// </summary>
    public static bool Holds(DeviceState left, ConditionOperator op, DeviceState right)
    {
        if (ConditionOperators.IsBetween(op)) return false;
        var a = ComparisonValue.From(left.Value);
        var b = ComparisonValue.From(right.Value);
        if (a is null || b is null)
            return !ConditionOperators.IsOrdering(op) && Equality(JsonElement.DeepEquals(left.Value, right.Value), op);
        if (a.Number is { } x && b.Number is { } y) return Numeric(x, op, y, null);
        if (ConditionOperators.IsOrdering(op)) return false;
        var booleans = left.Value.ValueKind is JsonValueKind.True or JsonValueKind.False || right.Value.ValueKind is JsonValueKind.True or JsonValueKind.False;
        return booleans
            ? Equality(a.Boolean is not null && a.Boolean == b.Boolean, op)
            : Equality(string.Equals(a.Text, b.Text, StringComparison.Ordinal), op);
    }

    private static bool Equality(bool equal, ConditionOperator op) => op == ConditionOperator.Equals ? equal : !equal;

    private static bool Numeric(double actual, ConditionOperator op, double target, double? upper) => op switch
    {
        ConditionOperator.Equals => actual == target,
        ConditionOperator.NotEquals => actual != target,
        ConditionOperator.LowerThan => actual < target,
        ConditionOperator.LowerThanOrEqual => actual <= target,
        ConditionOperator.GreaterThan => actual > target,
        ConditionOperator.GreaterThanOrEqual => actual >= target,
        ConditionOperator.BetweenInclusive => upper is { } u && actual >= target && actual <= u,
        ConditionOperator.BetweenExclusive => upper is { } u && actual > target && actual < u,
        _ => false,
    };
}
