namespace Gateway.Core.History;

/// <summary>How a state is historised; the number is the <c>historizationMethod</c> the history endpoints answer.</summary>
public enum StateHistoryKind
{
    /// <summary>int and float states: aggregates carry min, max and mean.</summary>
    Numeric = 1,

    /// <summary>Enumerated states (strings of a small set, booleans): aggregates carry the last value of the period.</summary>
    Discrete = 2,
}
