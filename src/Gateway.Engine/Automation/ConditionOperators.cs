namespace Gateway.Engine.Automation;

/// <summary>
/// Operator names as clients write them: the trigger spelling (GREATER_THAN_OR_EQUAL), the condition-group spelling
/// (GREATERTHANOREQUAL) and the usual symbols (&gt;=).
/// </summary>
internal static class ConditionOperators
{
    public static bool TryParse(string? text, out ConditionOperator result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        ConditionOperator? parsed = text.Trim() switch
        {
            "==" or "=" => ConditionOperator.Equals,
            "!=" or "<>" => ConditionOperator.NotEquals,
            "<" => ConditionOperator.LowerThan,
            "<=" => ConditionOperator.LowerThanOrEqual,
            ">" => ConditionOperator.GreaterThan,
            ">=" => ConditionOperator.GreaterThanOrEqual,
            var name => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
            {
                "EQUALS" or "EQUAL" => ConditionOperator.Equals,
                "NOTEQUALS" or "NOTEQUAL" => ConditionOperator.NotEquals,
                "LOWERTHAN" or "LESSTHAN" => ConditionOperator.LowerThan,
                "LOWERTHANOREQUAL" or "LESSTHANOREQUAL" => ConditionOperator.LowerThanOrEqual,
                "GREATERTHAN" => ConditionOperator.GreaterThan,
                "GREATERTHANOREQUAL" => ConditionOperator.GreaterThanOrEqual,
                "BETWEENINCLUSIVE" => ConditionOperator.BetweenInclusive,
                "BETWEENEXCLUSIVE" => ConditionOperator.BetweenExclusive,
                _ => null,
            },
        };
        if (parsed is not { } op) return false;
        result = op;
        return true;
    }

    public static bool IsOrdering(ConditionOperator op) => op is not (ConditionOperator.Equals or ConditionOperator.NotEquals);

    public static bool IsBetween(ConditionOperator op) => op is ConditionOperator.BetweenInclusive or ConditionOperator.BetweenExclusive;
}
