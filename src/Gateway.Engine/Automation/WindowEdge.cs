using System.Globalization;
using Gateway.Core.Errors;
using Gateway.Engine.Sun;

namespace Gateway.Engine.Automation;

/// <summary>What an edge of a scheduling window follows.</summary>
internal enum EdgeKind
{
    /// <summary>A minute of the local day.</summary>
    Time,

    /// <summary>The date's sunrise plus an offset.</summary>
    Dawn,

    /// <summary>The date's sunset plus an offset.</summary>
    Dusk,
}

/// <summary>
/// The start or the stop of a daily scheduling window on one local date, as a local wall-clock time: TIME is
/// <see cref="Minutes"/> after the date's midnight (1440 = the next midnight); DAWN is the date's sunrise and DUSK its
/// sunset, plus <see cref="Offset"/> minutes (on the wall clock). Then, whatever the kind, the edge is held no earlier
/// than <see cref="AlwaysAfter"/> and no later than <see cref="AlwaysBefore"/> of that date (in that order, so the
/// latter wins if they cross). A DAWN or DUSK edge does not exist on a date without that event (polar day or night, or
/// no sun times because the home has no coordinates). The offset of a TIME edge is ignored.
/// </summary>
internal sealed record WindowEdge(EdgeKind Kind, int Minutes, int Offset, TimeOnly? AlwaysAfter, TimeOnly? AlwaysBefore)
{
    /// <summary>Largest DAWN/DUSK offset, in minutes (half a day), as for calendar day triggers.</summary>
    public const int MaxOffsetMinutes = 720;

    public bool NeedsSun => Kind != EdgeKind.Time;

    /// <summary>The edge on <paramref name="date"/>; null if it does not exist that date.</summary>
    public DateTime? On(DateOnly date, SunTimes? sun)
    {
        DateTime? at = Kind switch
        {
            EdgeKind.Time => date.ToDateTime(TimeOnly.MinValue).AddMinutes(Minutes),
            EdgeKind.Dawn => sun?.Sunrise?.DateTime.AddMinutes(Offset),
            EdgeKind.Dusk => sun?.Sunset?.DateTime.AddMinutes(Offset),
            _ => null,
        };
        if (at is not { } edge) return null;
        if (AlwaysAfter is { } notBefore && edge < date.ToDateTime(notBefore)) edge = date.ToDateTime(notBefore);
        if (AlwaysBefore is { } notAfter && edge > date.ToDateTime(notAfter)) edge = date.ToDateTime(notAfter);
        return edge;
    }

    /// <summary>Reads one edge ("start" or "stop") of a <paramref name="kind"/> interval; refuses what cannot be run exactly.</summary>
    public static WindowEdge Parse(string kind, string edge, string? type, int minutes, int? offset, string? alwaysAfter, string? alwaysBefore)
    {
        var edgeKind = type switch
        {
            null or "TIME" => EdgeKind.Time,
            "DAWN" => EdgeKind.Dawn,
            "DUSK" => EdgeKind.Dusk,
            _ => throw Bad($"{kind}: {edge}Type must be TIME, DAWN or DUSK (not {type})"),
        };
        if (offset is < -MaxOffsetMinutes or > MaxOffsetMinutes)
            throw Bad($"{kind}: {edge}Offset must be within -{MaxOffsetMinutes} .. {MaxOffsetMinutes} minutes (not {offset})");
        var after = Bound(kind, $"{edge}AlwaysAfter", alwaysAfter);
        var before = Bound(kind, $"{edge}AlwaysBefore", alwaysBefore);
        if (after > before) throw Bad($"{kind}: {edge}AlwaysAfter ({alwaysAfter}) is later than {edge}AlwaysBefore ({alwaysBefore})");
        return new WindowEdge(edgeKind, minutes, edgeKind == EdgeKind.Time ? 0 : offset ?? 0, after, before);
    }

    private static TimeOnly? Bound(string kind, string name, string? text)
    {
        if (text is null) return null;
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw Bad($"{kind}: {name} must be a local time HH:mm, 00:00 .. 23:59 (not \"{text}\")");
    }

    internal static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));
}
