namespace Gateway.Engine.Sun;

/// <summary>
/// Local sunrise and sunset times from the NOAA solar position algorithm (the equations of the NOAA solar
/// calculator spreadsheet, after Jean Meeus, <i>Astronomical Algorithms</i>).
/// </summary>
/// <remarks>
/// <para>
/// An event is the instant the sun's centre reaches the standard zenith of 90.833° (34′ of refraction plus 16′ of
/// solar semidiameter, sea level, no local horizon), the convention of the published almanacs. The sun's position is
/// evaluated at the approximate event time and the time refined from it until it moves less than a tenth of a second
/// (two or three refinements normally), which keeps high latitudes within the minute, where evaluating the position
/// once at noon does not.
/// </para>
/// <para>
/// The requested date is the local calendar date in the given time zone: from the first instant of that date to the
/// first instant of the next (23 or 25 hours long across a DST change, and correct where a change skips midnight).
/// The sunrise and sunset returned are the ones that fall inside it (if two sunsets or two sunrises do, which happens
/// only at high latitudes within minutes of local midnight, the one belonging to the date's own solar noon). Between two consecutive culminations (solar noon
/// and solar midnight) the sun's altitude is monotonic, so each such half-day holds at most one rise or set; all of
/// them that overlap the local date are examined, which also gives the polar cases and the day length.
/// </para>
/// </remarks>
public static class SolarCalculator
{
    /// <summary>Zenith angle, in degrees, of the sun's centre at sunrise and sunset.</summary>
    public const double StandardZenithDegrees = 90.833;

    private const double DegreesPerDay = 360.0; // the sun's hour angle advances 360° per solar day
    private const double ToleranceDays = 1e-6;  // 0.0864 s
    private const int MaxRefinements = 60;
    private const int HourAngleRefinementsBeforeBisection = 8;

    private static readonly double CosStandardZenith = Math.Cos(Radians(StandardZenithDegrees));

    /// <summary>JD 2451545.0 = 2000-01-01 12:00 UT, the epoch of the Julian century used by the equations.</summary>
    private static readonly DateTime J2000 = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Sunrise, sunset, polar state and day length for a local calendar date.</summary>
    /// <param name="date">The local calendar date in <paramref name="timeZone"/>.</param>
    /// <param name="latitude">Degrees, north positive, −90 to 90.</param>
    /// <param name="longitude">Degrees, east positive, −180 to 180.</param>
    /// <param name="timeZone">The zone whose calendar date is meant and in whose wall-clock time the events are returned.</param>
    /// <exception cref="ArgumentOutOfRangeException">Latitude or longitude out of range (or not a number).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public static SunTimes ForDate(DateOnly date, double latitude, double longitude, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (!(latitude >= -90.0 && latitude <= 90.0))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90 degrees.");
        }

        if (!(longitude >= -180.0 && longitude <= 180.0))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180 degrees.");
        }

        if (date.Year < 2 || date.Year > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The date must be between the years 2 and 9998.");
        }

        var site = new Site(latitude, longitude);
        var dayStart = StartOfLocalDay(date, timeZone);
        var dayEnd = StartOfLocalDay(date.AddDays(1), timeZone);
        double start = ToDays(dayStart);
        double end = ToDays(dayEnd);

        // Culminations bracketing the local date: the lower culmination before the upper culmination nearest
        // half a day before the start, then alternately lower and upper until past the end.
        double upper = Culmination(site, start - 0.5, targetHourAngle: 0.0);
        double from = Culmination(site, upper - 0.5, targetHourAngle: 180.0);
        bool fromIsUpper = false;

        double? sunrise = null;
        double? sunset = null;
        bool sunriseIsOwn = false;
        bool sunsetIsOwn = false;
        double aboveHorizon = 0.0;
        bool upAtStart = false;

        while (from < end)
        {
            double to = Culmination(site, from + 0.5, fromIsUpper ? 180.0 : 0.0);
            bool upAtFrom = Elevation(site, from) > 0.0;
            bool upAtTo = Elevation(site, to) > 0.0;

            if (from <= start && start < to)
            {
                upAtStart = upAtFrom == upAtTo
                    ? upAtFrom
                    : Elevation(site, start) > 0.0;
            }

            if (upAtFrom == upAtTo)
            {
                if (upAtFrom)
                {
                    aboveHorizon += Overlap(from, to, start, end);
                }
            }
            else
            {
                bool rising = !upAtFrom;
                double crossing = Crossing(site, from, to, rising, fromIsUpper ? from : to);
                aboveHorizon += rising ? Overlap(crossing, to, start, end) : Overlap(from, crossing, start, end);
                if (crossing >= start && crossing < end)
                {
                    // The rise before / the set after a solar noon that lies on the date is that date's own.
                    double noon = fromIsUpper ? from : to;
                    bool own = noon >= start && noon < end;
                    if (rising)
                    {
                        Keep(ref sunrise, ref sunriseIsOwn, crossing, own);
                    }
                    else
                    {
                        Keep(ref sunset, ref sunsetIsOwn, crossing, own);
                    }
                }
            }

            from = to;
            fromIsUpper = !fromIsUpper;
        }

        SunDayKind kind = sunrise.HasValue || sunset.HasValue
            ? SunDayKind.Normal
            : upAtStart ? SunDayKind.PolarDay : SunDayKind.PolarNight;

        TimeSpan dayLength = kind switch
        {
            SunDayKind.PolarDay => dayEnd - dayStart,
            SunDayKind.PolarNight => TimeSpan.Zero,
            _ => TimeSpan.FromSeconds(Math.Round(aboveHorizon * 86400.0)),
        };

        return new SunTimes(date, ToLocal(sunrise, timeZone), ToLocal(sunset, timeZone), kind, dayLength);
    }

    /// <summary>
    /// Keeps the first event of a kind on the date, unless a later one belongs to the date's own solar noon. Two of
    /// a kind fall on one date only at high latitudes, minutes from local midnight (e.g. a set at 00:00:30 and
    /// another at 23:59:10); the one after the date's noon is "this evening's" sunset then.
    /// </summary>
    private static void Keep(ref double? slot, ref bool slotIsOwn, double candidate, bool candidateIsOwn)
    {
        if (slot is null || (candidateIsOwn && !slotIsOwn))
        {
            slot = candidate;
            slotIsOwn = candidateIsOwn;
        }
    }

    /// <summary>
    /// The instant of the rise or set between two consecutive culminations <paramref name="a"/> and
    /// <paramref name="b"/> (the sun is on opposite sides of the horizon at them). Starts from the upper culmination,
    /// so the first step is the classic noon estimate; each further step evaluates the sun at the current estimate
    /// and moves to where the hour angle of sunrise/sunset for that declination is reached. The bracket is kept
    /// and bisected if a step leaves it or does not settle (at the edge of the polar day, where the hour angle of
    /// sunrise is close to 0° or 180° and very sensitive to the declination, and at the poles).
    /// </summary>
    private static double Crossing(Site site, double a, double b, bool rising, double upperCulmination)
    {
        bool aboveAtA = Elevation(site, a) > 0.0;
        double t = upperCulmination;
        for (int i = 0; i < MaxRefinements; i++)
        {
            var position = SolarPosition.At(t);
            if (i > 0)
            {
                if (Elevation(site, position, t) > 0.0 == aboveAtA)
                {
                    a = t;
                }
                else
                {
                    b = t;
                }
            }

            double next = double.NaN;
            if (i < HourAngleRefinementsBeforeBisection)
            {
                double cosH = (CosStandardZenith - (site.SinLatitude * position.SinDeclination))
                              / (site.CosLatitude * position.CosDeclination);
                if (cosH >= -1.0 && cosH <= 1.0)
                {
                    double h = Degrees(Math.Acos(cosH));
                    double target = rising ? -h : h;
                    next = t + (NormalizeDegrees(target - HourAngle(site, position, t)) / DegreesPerDay);
                }
            }

            double low = Math.Min(a, b);
            double high = Math.Max(a, b);
            if (!(next > low && next < high))
            {
                next = 0.5 * (a + b);
            }

            if (Math.Abs(next - t) < ToleranceDays)
            {
                return WholeSeconds(next);
            }

            t = next;
        }

        return WholeSeconds(t);
    }

    /// <summary>Events are reported to the second; the day length is summed from the same rounded instants.</summary>
    private static double WholeSeconds(double days) => Math.Round(days * 86400.0) / 86400.0;

    /// <summary>The instant nearest <paramref name="approximate"/> at which the sun's hour angle is the target (0° upper culmination, 180° lower).</summary>
    private static double Culmination(Site site, double approximate, double targetHourAngle)
    {
        double t = approximate;
        for (int i = 0; i < 5; i++)
        {
            double delta = NormalizeDegrees(HourAngle(site, SolarPosition.At(t), t) - targetHourAngle);
            t -= delta / DegreesPerDay;
            if (Math.Abs(delta) < 1e-7)
            {
                break;
            }
        }

        return t;
    }

    /// <summary>cos(zenith) − cos(90.833°): positive while the sun is up by the sunrise/sunset convention.</summary>
    private static double Elevation(Site site, double t) => Elevation(site, SolarPosition.At(t), t);

    private static double Elevation(Site site, SolarPosition position, double t)
    {
        double hourAngle = Radians(HourAngle(site, position, t));
        double cosZenith = (site.SinLatitude * position.SinDeclination)
                           + (site.CosLatitude * position.CosDeclination * Math.Cos(hourAngle));
        return cosZenith - CosStandardZenith;
    }

    /// <summary>The sun's local hour angle in degrees, −180 to 180, 0 at solar noon (true solar time / 4 − 180).</summary>
    private static double HourAngle(Site site, SolarPosition position, double t)
    {
        // t counts days from 12:00 UT, so the fraction of a day past it is UT − 12 h.
        double dayFraction = t - Math.Floor(t);
        return NormalizeDegrees((dayFraction * 360.0) + (position.EquationOfTimeMinutes / 4.0) + site.Longitude);
    }

    private static double Overlap(double a, double b, double start, double end) =>
        Math.Max(0.0, Math.Min(b, end) - Math.Max(a, start));

    /// <summary>The first instant whose local date in <paramref name="zone"/> is <paramref name="date"/>.</summary>
    private static DateTimeOffset StartOfLocalDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // A forward change skips midnight (e.g. 00:00 → 01:00): the date starts where the gap ends.
            for (int minutes = 1; minutes <= 24 * 60 && zone.IsInvalidTime(local); minutes++)
            {
                local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minutes);
            }
        }

        // A backward change repeating midnight: the date starts at the first of the two, under the larger offset.
        TimeSpan offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static DateTimeOffset? ToLocal(double? days, TimeZoneInfo zone)
    {
        if (days is not { } d)
        {
            return null;
        }

        long ticks = (long)Math.Round(d * 86400.0) * TimeSpan.TicksPerSecond;
        var utc = new DateTimeOffset(J2000.Ticks + ticks, TimeSpan.Zero);
        return TimeZoneInfo.ConvertTime(utc, zone);
    }

    private static double ToDays(DateTimeOffset instant) =>
        (instant.UtcTicks - J2000.Ticks) / (double)TimeSpan.TicksPerDay;

    private static double NormalizeDegrees(double degrees)
    {
        double d = degrees % 360.0;
        if (d < -180.0)
        {
            d += 360.0;
        }
        else if (d >= 180.0)
        {
            d -= 360.0;
        }

        return d;
    }

    private static double Radians(double degrees) => degrees * (Math.PI / 180.0);

    private static double Degrees(double radians) => radians * (180.0 / Math.PI);

    private readonly record struct Site(double Latitude, double Longitude)
    {
        public double SinLatitude { get; } = Math.Sin(Radians(Latitude));

        public double CosLatitude { get; } = Math.Cos(Radians(Latitude));
    }

    /// <summary>The sun's declination and the equation of time at one instant, from the NOAA spreadsheet equations.</summary>
    private readonly record struct SolarPosition(double SinDeclination, double CosDeclination, double EquationOfTimeMinutes)
    {
        /// <param name="t">Days (UT) since 2000-01-01 12:00 UT.</param>
        public static SolarPosition At(double t)
        {
            double c = t / 36525.0; // Julian century

            double meanLongitude = (280.46646 + (c * (36000.76983 + (c * 0.0003032)))) % 360.0;
            double meanAnomaly = 357.52911 + (c * (35999.05029 - (0.0001537 * c)));
            double eccentricity = 0.016708634 - (c * (0.000042037 + (0.0000001267 * c)));

            double m = Radians(meanAnomaly);
            double equationOfCenter = (Math.Sin(m) * (1.914602 - (c * (0.004817 + (0.000014 * c)))))
                                      + (Math.Sin(2.0 * m) * (0.019993 - (0.000101 * c)))
                                      + (Math.Sin(3.0 * m) * 0.000289);
            double trueLongitude = meanLongitude + equationOfCenter;

            double omega = Radians(125.04 - (1934.136 * c));
            double apparentLongitude = trueLongitude - 0.00569 - (0.00478 * Math.Sin(omega));

            double meanObliquity = 23.0 + ((26.0 + ((21.448 - (c * (46.815 + (c * (0.00059 - (c * 0.001813)))))) / 60.0)) / 60.0);
            double obliquity = Radians(meanObliquity + (0.00256 * Math.Cos(omega)));

            double sinDeclination = Math.Sin(obliquity) * Math.Sin(Radians(apparentLongitude));
            double cosDeclination = Math.Sqrt(1.0 - (sinDeclination * sinDeclination));

            double y = Math.Tan(obliquity / 2.0);
            y *= y;
            double l0 = Radians(meanLongitude);
            double equationOfTime = (y * Math.Sin(2.0 * l0))
                                    - (2.0 * eccentricity * Math.Sin(m))
                                    + (4.0 * eccentricity * y * Math.Sin(m) * Math.Cos(2.0 * l0))
                                    - (0.5 * y * y * Math.Sin(4.0 * l0))
                                    - (1.25 * eccentricity * eccentricity * Math.Sin(2.0 * m));

            return new SolarPosition(sinDeclination, cosDeclination, 4.0 * Degrees(equationOfTime));
        }
    }
}
