using Gateway.Core.Calendars;
using Gateway.Engine.Sun;

namespace Gateway.Engine.Calendars;

/// <summary>
/// Turns a day-time trigger into the exact local instant it fires on a date, in this order: the base time (TIME:
/// hours:minutes local, see <see cref="LocalTimes.At"/> for DST; DAWN: sunrise + dawnOffset; DUSK: sunset +
/// duskOffset, offsets in real minutes), then the random offset, then the alwaysAfter / alwaysBefore bounds (so a
/// bound always holds, random offset or not).
/// </summary>
/// <remarks>
/// A DAWN or DUSK trigger does not fire on a date without that event — polar day (no sunset) or polar night (no
/// sunrise) — nor when the home has no latitude/longitude: it is skipped for that date (no fallback to its bounds).
/// The random offset is drawn from a <see cref="Random"/> seeded by (calendar day OID, trigger index, date), so the
/// preview of a date and the firing on that date agree, and each date draws anew.
/// </remarks>
public static class TriggerResolver
{
    /// <summary>Largest dawn/dusk offset and random range, in minutes (half a day).</summary>
    public const int MaxOffsetMinutes = 720;

    /// <returns>The instant, in the zone's local offset, or null if the trigger does not happen on that date.</returns>
    public static DateTimeOffset? Resolve(TimeTrigger trigger, string dayOid, int index, DateOnly date, TimeZoneInfo zone, Func<SunTimes?> sun)
    {
        DateTimeOffset? at = trigger.TriggerType switch
        {
            TimeTriggerTypes.Time => LocalTimes.At(date, new TimeOnly(trigger.Hours, trigger.Minutes), zone),
            TimeTriggerTypes.Dawn => sun()?.Sunrise?.AddMinutes(trigger.DawnOffset),
            TimeTriggerTypes.Dusk => sun()?.Sunset?.AddMinutes(trigger.DuskOffset),
            _ => null,
        };
        if (at is not { } instant) return null;

        instant += RandomOffset(dayOid, index, date, trigger.RandomTimeOffset);
        if (trigger.AlwaysAfter is { } notBefore && instant < LocalTimes.At(date, notBefore, zone)) instant = LocalTimes.At(date, notBefore, zone);
        if (trigger.AlwaysBefore is { } notAfter && instant > LocalTimes.At(date, notAfter, zone)) instant = LocalTimes.At(date, notAfter, zone);
        return TimeZoneInfo.ConvertTime(instant, zone);
    }

    /// <summary>A whole number of seconds uniformly within ±<paramref name="rangeMinutes"/>, the same for the same trigger and date.</summary>
    public static TimeSpan RandomOffset(string dayOid, int index, DateOnly date, int rangeMinutes)
    {
        if (rangeMinutes <= 0) return TimeSpan.Zero;
        var random = new Random(Seed($"{dayOid}:{index}:{date:yyyy-MM-dd}"));
        return TimeSpan.FromSeconds(random.Next(-rangeMinutes * 60, (rangeMinutes * 60) + 1));
    }

    /// <summary>FNV-1a: stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return unchecked((int)hash);
    }
}
