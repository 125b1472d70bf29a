namespace Gateway.Core.History;

/// <summary>
/// One entry of <c>historyValues</c>: a raw sample (one sample, min = max = the value for numbers) or the aggregate of
/// a period starting at <see cref="When"/>. Min and Max are null for discrete states.
/// </summary>
public sealed record StateHistoryPoint(string Value, double? Min, double? Max, long Samples, long When);
