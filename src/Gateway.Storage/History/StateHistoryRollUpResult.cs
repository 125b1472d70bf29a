namespace Gateway.Storage.History;

/// <summary>What one roll-up did: periods written per level, rows deleted, and the watermarks it reached (epoch ms).</summary>
public sealed record StateHistoryRollUpResult(long HourlyRows, long DailyRows, long DeletedRows, long HoursDoneUntil, long DaysDoneUntil);
