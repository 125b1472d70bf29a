namespace Gateway.Core.History;

/// <summary>One state value as reported at <see cref="When"/> (epoch ms): a number for numeric states, a text otherwise.</summary>
public sealed record StateHistorySample(string DeviceUrl, string StateName, StateHistoryKind Kind, long When, double? Number, string? Text);
