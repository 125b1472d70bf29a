namespace Gateway.Engine.Calendars;

/// <summary>Wall-clock times of a local date turned into instants, across daylight-saving changes.</summary>
public static class LocalTimes
{
    /// <summary>
    /// The instant at which <paramref name="time"/> happens on <paramref name="date"/> in <paramref name="zone"/>.
    /// A time skipped by a forward change (02:30 on the spring-forward day in Europe/Paris) happens at the end of the
    /// gap (03:00 local), so a trigger set inside the gap still fires that day, as early as it can. A time repeated by a
    /// backward change (02:30 on the fall-back day) happens at its first occurrence (still summer time), once.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        for (var minutes = 0; minutes < 24 * 60 && zone.IsInvalidTime(local); minutes++)
            local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The local calendar date of an instant in <paramref name="zone"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
