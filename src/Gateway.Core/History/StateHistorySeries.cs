namespace Gateway.Core.History;

/// <summary>The history of one state of one device over a queried range.</summary>
public sealed record StateHistorySeries(string StateName, StateHistoryKind Kind, IReadOnlyList<StateHistoryPoint> Points);
