namespace Gateway.Engine.Sun;

/// <summary>
/// Sunrise ("dawn") and sunset ("dusk") of one local calendar date at one place.
/// </summary>
/// <param name="Date">The local calendar date in the requested time zone.</param>
/// <param name="Sunrise">
/// The sunrise that falls on <paramref name="Date"/>, as local wall-clock time with that zone's offset at that
/// instant; <c>null</c> on polar days and nights, and on the rare high-latitude dates where the only rise of the
/// solar day falls just outside the local date (for example just before local midnight). Should two rises fall on
/// the date (high latitudes, minutes from midnight), the one before the date's own solar noon.
/// </param>
/// <param name="Sunset">The sunset that falls on <paramref name="Date"/>; <c>null</c> under the same conditions.</param>
/// <param name="Kind">Whether the sun rises or sets on the date, or stays up (polar day) or down (polar night) all of it.</param>
/// <param name="DayLength">
/// How long the sun's upper limb is above the horizon during the local date (elapsed time, so a DST change does not
/// add or remove an hour): sunset minus sunrise on an ordinary day, the whole local day on a polar day, zero on a
/// polar night.
/// </param>
public sealed record SunTimes(
    DateOnly Date,
    DateTimeOffset? Sunrise,
    DateTimeOffset? Sunset,
    SunDayKind Kind,
    TimeSpan DayLength);
