namespace Gateway.Engine.Automation;

internal enum ConditionOperator
{
    Equals,
    NotEquals,
    LowerThan,
    LowerThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    BetweenInclusive,
    BetweenExclusive,
}
