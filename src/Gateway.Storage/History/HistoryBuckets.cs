namespace Gateway.Storage.History;

/// <summary>UTC period starts (epoch ms) for the roll-up levels and the query resolutions.</summary>
internal static class HistoryBuckets
{
    public const long HourMs = 3_600_000;
    public const long DayMs = 86_400_000;

    public static long Hour(long when) => when - Mod(when, HourMs);

    public static long Day(long when) => when - Mod(when, DayMs);

    public static long Month(long when)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(when);
        return new DateTimeOffset(at.Year, at.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    public static long Year(long when) =>
        new DateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(when).Year, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
