using Gateway.Core.History;

namespace Gateway.Api.Endpoints;

/// <summary>The largest ranges the history endpoints answer, so no query reads without bound.</summary>
public static class StateHistoryLimits
{
    /// <summary>Raw history without a <c>limit</c> spans at most 3 days, as on a box.</summary>
    public static readonly TimeSpan RawSpan = TimeSpan.FromDays(3);
    /// <summary>Raw history with a <c>limit</c> spans at most this.</summary>
    public static readonly TimeSpan RawSpanWithLimit = TimeSpan.FromDays(31);
    public const int MaxRawValues = 10_000;
    public static readonly TimeSpan DailySpan = TimeSpan.FromDays(400);
    public static readonly TimeSpan MonthlySpan = TimeSpan.FromDays(366 * 20);
    public static readonly TimeSpan AnnualSpan = TimeSpan.FromDays(366 * 100);
    /// <summary>Devices stacked beside the asked one at most.</summary>
    public const int MaxStackLevels = 50;
    /// <summary>The last millisecond of year 9999, the end of the calendar the periods are cut in.</summary>
    public const long MaxTime = 253_402_300_799_999;

    public static TimeSpan SpanOf(StateHistoryResolution resolution, bool limited) => resolution switch
    {
        StateHistoryResolution.Raw => limited ? RawSpanWithLimit : RawSpan,
        StateHistoryResolution.Daily => DailySpan,
        StateHistoryResolution.Monthly => MonthlySpan,
        _ => AnnualSpan,
    };
}
