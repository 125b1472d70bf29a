using System.Globalization;
using Gateway.Engine.Sun;

namespace Gateway.Engine.Tests.Sun;

public class SolarCalculatorTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    private const double ParisLat = 48.8566, ParisLon = 2.3522;
    private const double NewYorkLat = 40.7128, NewYorkLon = -74.0060;
    private const double SydneyLat = -33.8688, SydneyLon = 151.2093;
    private const double TromsoLat = 69.6492, TromsoLon = 18.9553;
    private const double QuitoLat = -0.1807, QuitoLon = -78.4678;
    private const double SingaporeLat = 1.3521, SingaporeLon = 103.8198;
    private const double SantiagoLat = -33.4489, SantiagoLon = -70.6693;

    /// <summary>
    /// Almanac sunrise/sunset, local wall-clock time with the zone offset in force, to the minute.
    /// <para>
    /// Convention: the US Naval Observatory's (Astronomical Applications "Sun and Moon Data for One Day" / "Rise/Set
    /// table"), which timeanddate.com also follows: the sun's centre 50′ below the geometric horizon (34′ refraction
    /// + 16′ semidiameter), sea level, times rounded to the nearest minute.
    /// </para>
    /// <para>
    /// Source of the figures: the published Paris solstice values (2025-06-21 05:47 / 21:58 CEST,
    /// 2025-12-21 08:41 / 16:56 CET) are the timeanddate.com/USNO ones. The other rows were reproduced under that same
    /// convention with a full VSOP87 ephemeris, PyEphem 4.1.4 (Debian python3-ephem; Observer.pressure = 0,
    /// horizon = '-0:50', use_center = True), an implementation independent of the NOAA equations under test, and
    /// rounded to the minute; the unrounded times are in the comments. The polar-day and polar-night dates agree with
    /// the usual Tromsø tables (midnight sun from 18 May to 25 July, polar night from 27 November to 15 January).
    /// </para>
    /// </summary>
    public static TheoryData<string, double, double, string, string, string?, string?> Almanac => new()
    {
        // place, latitude, longitude, IANA zone, local date, sunrise, sunset
        { "Paris", ParisLat, ParisLon, "Europe/Paris", "2025-06-21", "05:47+02:00", "21:58+02:00" }, // 05:46:58, 21:57:54
        { "Paris", ParisLat, ParisLon, "Europe/Paris", "2025-12-21", "08:41+01:00", "16:56+01:00" }, // 08:41:23, 16:56:09
        { "Paris", ParisLat, ParisLon, "Europe/Paris", "2025-03-29", "06:34+01:00", "19:17+01:00" }, // 06:34:17, 19:17:10
        { "Paris", ParisLat, ParisLon, "Europe/Paris", "2025-03-30", "07:32+02:00", "20:19+02:00" }, // 07:32:11, 20:18:40 (spring forward)
        { "Paris", ParisLat, ParisLon, "Europe/Paris", "2025-10-25", "08:27+02:00", "18:42+02:00" }, // 08:26:40, 18:41:54
        { "Paris", ParisLat, ParisLon, "Europe/Paris", "2025-10-26", "07:28+01:00", "17:40+01:00" }, // 07:28:15, 17:40:07 (fall back)
        { "New York", NewYorkLat, NewYorkLon, "America/New_York", "2025-03-08", "06:18-05:00", "17:55-05:00" }, // 06:18:30, 17:55:27
        { "New York", NewYorkLat, NewYorkLon, "America/New_York", "2025-03-09", "07:17-04:00", "18:57-04:00" }, // 07:16:54, 18:56:33 (spring forward)
        { "New York", NewYorkLat, NewYorkLon, "America/New_York", "2025-11-01", "07:27-04:00", "17:52-04:00" }, // 07:26:45, 17:51:56
        { "New York", NewYorkLat, NewYorkLon, "America/New_York", "2025-11-02", "06:28-05:00", "16:51-05:00" }, // 06:27:55, 16:50:45 (fall back)
        { "Sydney", SydneyLat, SydneyLon, "Australia/Sydney", "2025-04-05", "07:10+11:00", "18:45+11:00" }, // 07:10:10, 18:45:06
        { "Sydney", SydneyLat, SydneyLon, "Australia/Sydney", "2025-04-06", "06:11+10:00", "17:44+10:00" }, // 06:10:55, 17:43:47 (DST ends)
        { "Sydney", SydneyLat, SydneyLon, "Australia/Sydney", "2025-04-07", "06:12+10:00", "17:42+10:00" }, // 06:11:39, 17:42:29
        { "Tromsø", TromsoLat, TromsoLon, "Europe/Oslo", "2025-06-21", null, null }, // midnight sun
        { "Tromsø", TromsoLat, TromsoLon, "Europe/Oslo", "2025-12-21", null, null }, // polar night
        { "Tromsø", TromsoLat, TromsoLon, "Europe/Oslo", "2025-05-17", "01:13+02:00", "00:07+02:00" }, // 01:13:12, 00:07:01: sets, then rises for good
        { "Tromsø", TromsoLat, TromsoLon, "Europe/Oslo", "2025-11-26", "11:01+01:00", "12:01+01:00" }, // 11:01:24, 12:00:55: last sun of the year
        { "Tromsø", TromsoLat, TromsoLon, "Europe/Oslo", "2025-01-15", "11:25+01:00", "12:23+01:00" }, // 11:24:54, 12:23:07: first sun of the year
        { "Quito", QuitoLat, QuitoLon, "America/Guayaquil", "2025-03-20", "06:18-05:00", "18:24-05:00" }, // 06:17:55, 18:24:24
        { "Quito", QuitoLat, QuitoLon, "America/Guayaquil", "2025-06-21", "06:12-05:00", "18:19-05:00" }, // 06:12:24, 18:19:08
        { "Singapore", SingaporeLat, SingaporeLon, "Asia/Singapore", "2025-01-01", "07:07+08:00", "19:10+08:00" }, // 07:06:49, 19:09:42
        { "Singapore", SingaporeLat, SingaporeLon, "Asia/Singapore", "2025-09-22", "06:54+08:00", "19:01+08:00" }, // 06:54:11, 19:00:42
        { "Santiago", SantiagoLat, SantiagoLon, "America/Santiago", "2025-09-07", "07:52-03:00", "19:29-03:00" }, // 07:52:13, 19:29:22 (midnight skipped)
    };

    [Theory]
    [MemberData(nameof(Almanac))]
    public void Sunrise_and_sunset_are_within_one_minute_of_the_almanac_with_the_almanac_offset(
        string place, double latitude, double longitude, string zoneId, string date, string? sunrise, string? sunset)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var result = SolarCalculator.ForDate(day, latitude, longitude, Zone(zoneId));

        Assert.Equal(day, result.Date);
        AssertNear(place, "sunrise", Expected(day, sunrise), result.Sunrise);
        AssertNear(place, "sunset", Expected(day, sunset), result.Sunset);
        if (sunrise is not null || sunset is not null)
        {
            Assert.Equal(SunDayKind.Normal, result.Kind);
        }
    }

    [Fact]
    public void Paris_spring_forward_day_reports_summer_time_offsets_and_the_day_before_winter_time()
    {
        var paris = Zone("Europe/Paris");

        var before = SolarCalculator.ForDate(new DateOnly(2025, 3, 29), ParisLat, ParisLon, paris);
        var changeDay = SolarCalculator.ForDate(new DateOnly(2025, 3, 30), ParisLat, ParisLon, paris);

        Assert.Equal(TimeSpan.FromHours(1), before.Sunrise!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(1), before.Sunset!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(2), changeDay.Sunrise!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(2), changeDay.Sunset!.Value.Offset);
        Assert.Equal(new DateTime(2025, 3, 30, 7, 32, 0), Truncate(changeDay.Sunrise.Value.DateTime));
    }

    [Fact]
    public void Paris_fall_back_day_reports_winter_time_offsets_and_the_day_before_summer_time()
    {
        var paris = Zone("Europe/Paris");

        var before = SolarCalculator.ForDate(new DateOnly(2025, 10, 25), ParisLat, ParisLon, paris);
        var changeDay = SolarCalculator.ForDate(new DateOnly(2025, 10, 26), ParisLat, ParisLon, paris);

        Assert.Equal(TimeSpan.FromHours(2), before.Sunrise!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(2), before.Sunset!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(1), changeDay.Sunrise!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(1), changeDay.Sunset!.Value.Offset);
        Assert.Equal(new DateTime(2025, 10, 26, 7, 28, 0), Truncate(changeDay.Sunrise.Value.DateTime));
    }

    [Theory]
    [InlineData("2025-03-29", "2025-03-30")]
    [InlineData("2025-10-25", "2025-10-26")]
    public void Day_length_on_a_dst_change_day_is_sunset_minus_sunrise_and_follows_the_season_without_an_hour_jump(string previous, string changeDay)
    {
        var paris = Zone("Europe/Paris");
        var before = SolarCalculator.ForDate(DateOnly.Parse(previous, CultureInfo.InvariantCulture), ParisLat, ParisLon, paris);
        var change = SolarCalculator.ForDate(DateOnly.Parse(changeDay, CultureInfo.InvariantCulture), ParisLat, ParisLon, paris);

        Assert.Equal(change.Sunset!.Value - change.Sunrise!.Value, change.DayLength);
        Assert.InRange((change.DayLength - before.DayLength).Duration(), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Paris_day_length_changes_by_at_most_five_minutes_between_consecutive_days_over_a_year()
    {
        var paris = Zone("Europe/Paris");
        var previous = SolarCalculator.ForDate(new DateOnly(2024, 12, 31), ParisLat, ParisLon, paris);
        var shortest = TimeSpan.MaxValue;
        var longest = TimeSpan.Zero;

        for (var day = new DateOnly(2025, 1, 1); day.Year == 2025; day = day.AddDays(1))
        {
            var today = SolarCalculator.ForDate(day, ParisLat, ParisLon, paris);

            Assert.Equal(SunDayKind.Normal, today.Kind);
            Assert.Equal(today.Sunset!.Value - today.Sunrise!.Value, today.DayLength);
            var change = (today.DayLength - previous.DayLength).Duration();
            Assert.True(change <= TimeSpan.FromMinutes(5), $"{day:yyyy-MM-dd}: day length jumped by {change} to {today.DayLength}");
            shortest = today.DayLength < shortest ? today.DayLength : shortest;
            longest = today.DayLength > longest ? today.DayLength : longest;
            previous = today;
        }

        // The 2025 extremes: 16 h 10 min 56 s at the June solstice, 8 h 14 min 46 s at the December one.
        Assert.InRange(longest, new TimeSpan(16, 10, 0), new TimeSpan(16, 12, 0));
        Assert.InRange(shortest, new TimeSpan(8, 13, 30), new TimeSpan(8, 16, 0));
    }

    [Fact]
    public void Tromso_at_midsummer_is_a_polar_day_without_sunrise_or_sunset_lasting_the_whole_day()
    {
        var result = SolarCalculator.ForDate(new DateOnly(2025, 6, 21), TromsoLat, TromsoLon, Zone("Europe/Oslo"));

        Assert.Equal(SunDayKind.PolarDay, result.Kind);
        Assert.Null(result.Sunrise);
        Assert.Null(result.Sunset);
        Assert.Equal(TimeSpan.FromHours(24), result.DayLength);
    }

    [Fact]
    public void Tromso_at_midwinter_is_a_polar_night_without_sunrise_or_sunset_and_no_daylight()
    {
        var result = SolarCalculator.ForDate(new DateOnly(2025, 12, 21), TromsoLat, TromsoLon, Zone("Europe/Oslo"));

        Assert.Equal(SunDayKind.PolarNight, result.Kind);
        Assert.Null(result.Sunrise);
        Assert.Null(result.Sunset);
        Assert.Equal(TimeSpan.Zero, result.DayLength);
    }

    [Fact]
    public void At_69_65_north_the_last_day_with_a_sunset_before_the_midnight_sun_has_both_events()
    {
        var oslo = Zone("Europe/Oslo");
        var day = new DateOnly(2025, 4, 1);
        while (SolarCalculator.ForDate(day, TromsoLat, TromsoLon, oslo).Kind != SunDayKind.PolarDay)
        {
            day = day.AddDays(1);
            Assert.True(day.Month < 7, "no midnight sun found before July");
        }

        var lastWithSunset = SolarCalculator.ForDate(day.AddDays(-1), TromsoLat, TromsoLon, oslo);

        Assert.Equal(new DateOnly(2025, 5, 18), day); // the almanac's first day of midnight sun
        Assert.Equal(SunDayKind.Normal, lastWithSunset.Kind);
        Assert.NotNull(lastWithSunset.Sunrise);
        Assert.NotNull(lastWithSunset.Sunset);
        // The sun dips under the horizon around solar midnight (≈ 00:45 CEST): the set comes before the rise.
        Assert.True(lastWithSunset.Sunset < lastWithSunset.Sunrise);
        Assert.Equal(lastWithSunset.Date, DateOnly.FromDateTime(lastWithSunset.Sunset!.Value.DateTime));
        Assert.Equal(lastWithSunset.Date, DateOnly.FromDateTime(lastWithSunset.Sunrise!.Value.DateTime));
        Assert.True(lastWithSunset.DayLength > TimeSpan.FromHours(22.5), $"day length {lastWithSunset.DayLength}");
    }

    [Fact]
    public void At_69_65_north_the_last_day_with_a_sunrise_before_the_polar_night_has_both_events()
    {
        var oslo = Zone("Europe/Oslo");
        var day = new DateOnly(2025, 10, 1);
        while (SolarCalculator.ForDate(day, TromsoLat, TromsoLon, oslo).Kind != SunDayKind.PolarNight)
        {
            day = day.AddDays(1);
            Assert.True(day.Month < 12 || day.Day < 31, "no polar night found in the autumn");
        }

        var lastWithSunrise = SolarCalculator.ForDate(day.AddDays(-1), TromsoLat, TromsoLon, oslo);

        Assert.Equal(new DateOnly(2025, 11, 27), day); // the almanac's first day of polar night
        Assert.Equal(SunDayKind.Normal, lastWithSunrise.Kind);
        Assert.True(lastWithSunrise.Sunrise < lastWithSunrise.Sunset);
        Assert.Equal(lastWithSunrise.Sunset!.Value - lastWithSunrise.Sunrise!.Value, lastWithSunrise.DayLength);
        Assert.InRange(lastWithSunrise.DayLength, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(62));
    }

    [Fact]
    public void A_local_date_whose_midnight_is_skipped_by_dst_still_gets_its_events_in_the_new_offset()
    {
        // America/Santiago springs forward at 2025-09-07 00:00 → 01:00, so that local date starts at 01:00 −03:00.
        var result = SolarCalculator.ForDate(new DateOnly(2025, 9, 7), SantiagoLat, SantiagoLon, Zone("America/Santiago"));

        Assert.Equal(SunDayKind.Normal, result.Kind);
        Assert.Equal(TimeSpan.FromHours(-3), result.Sunrise!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-3), result.Sunset!.Value.Offset);
    }

    [Theory]
    [InlineData(90.0, "2025-06-21", SunDayKind.PolarDay)]
    [InlineData(90.0, "2025-12-21", SunDayKind.PolarNight)]
    [InlineData(-90.0, "2025-06-21", SunDayKind.PolarNight)]
    [InlineData(-90.0, "2025-12-21", SunDayKind.PolarDay)]
    public void The_poles_have_polar_day_and_polar_night_at_the_solstices(double latitude, string date, SunDayKind expected)
    {
        var result = SolarCalculator.ForDate(DateOnly.Parse(date, CultureInfo.InvariantCulture), latitude, 0.0, TimeZoneInfo.Utc);

        Assert.Equal(expected, result.Kind);
        Assert.Null(result.Sunrise);
        Assert.Null(result.Sunset);
    }

    [Fact]
    public void At_the_north_pole_the_sun_rises_once_a_year_around_the_march_equinox()
    {
        var rises = new List<DateTimeOffset>();
        var sets = new List<DateTimeOffset>();
        for (var day = new DateOnly(2025, 1, 1); day.Year == 2025; day = day.AddDays(1))
        {
            var result = SolarCalculator.ForDate(day, 90.0, 0.0, TimeZoneInfo.Utc);
            if (result.Sunrise is { } rise)
            {
                rises.Add(rise);
            }

            if (result.Sunset is { } set)
            {
                sets.Add(set);
            }
        }

        // The sun's centre reaches −0.833° about a day and a half before the equinox of 2025-03-20 09:01 UT.
        var rising = Assert.Single(rises);
        Assert.InRange(rising, new DateTimeOffset(2025, 3, 17, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var setting = Assert.Single(sets);
        Assert.InRange(setting, new DateTimeOffset(2025, 9, 22, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 9, 27, 0, 0, 0, TimeSpan.Zero));
    }

    public static TheoryData<string, double, double, string> CrossCheckPlaces => new()
    {
        { "Paris", ParisLat, ParisLon, "Europe/Paris" },
        { "New York", NewYorkLat, NewYorkLon, "America/New_York" },
        { "Sydney", SydneyLat, SydneyLon, "Australia/Sydney" },
        { "Quito", QuitoLat, QuitoLon, "America/Guayaquil" },
        { "Singapore", SingaporeLat, SingaporeLon, "Asia/Singapore" },
        { "Santiago", SantiagoLat, SantiagoLon, "America/Santiago" },
    };

    [Theory]
    [MemberData(nameof(CrossCheckPlaces))]
    public void Every_day_of_a_year_agrees_within_one_minute_with_an_independent_sidereal_time_altitude_scan(
        string place, double latitude, double longitude, string zoneId)
    {
        var zone = Zone(zoneId);
        for (var day = new DateOnly(2025, 1, 1); day.Year == 2025; day = day.AddDays(1))
        {
            var result = SolarCalculator.ForDate(day, latitude, longitude, zone);
            var (rise, set) = AltitudeScan(day, latitude, longitude, zone);

            Assert.Equal(SunDayKind.Normal, result.Kind);
            AssertNear(place, $"{day:yyyy-MM-dd} sunrise", rise, result.Sunrise);
            AssertNear(place, $"{day:yyyy-MM-dd} sunset", set, result.Sunset);
            Assert.Equal(day, DateOnly.FromDateTime(result.Sunrise!.Value.DateTime));
            Assert.Equal(day, DateOnly.FromDateTime(result.Sunset!.Value.DateTime));
            Assert.Equal(zone.GetUtcOffset(result.Sunrise.Value), result.Sunrise.Value.Offset);
            Assert.Equal(zone.GetUtcOffset(result.Sunset.Value), result.Sunset.Value.Offset);
        }
    }

    [Theory]
    [InlineData(90.0001, 0.0)]
    [InlineData(-90.0001, 0.0)]
    [InlineData(0.0, 180.0001)]
    [InlineData(0.0, -180.0001)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 0.0)]
    public void Coordinates_outside_the_globe_are_rejected(double latitude, double longitude)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SolarCalculator.ForDate(new DateOnly(2025, 6, 21), latitude, longitude, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData(90.0, 180.0)]
    [InlineData(-90.0, -180.0)]
    public void Coordinates_on_the_limits_are_accepted(double latitude, double longitude)
    {
        var result = SolarCalculator.ForDate(new DateOnly(2025, 6, 21), latitude, longitude, TimeZoneInfo.Utc);

        Assert.NotEqual(SunDayKind.Normal, result.Kind);
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTime Truncate(DateTime value) => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0);

    private static DateTimeOffset? Expected(DateOnly day, string? localTimeWithOffset) =>
        localTimeWithOffset is null
            ? null
            : DateTimeOffset.ParseExact($"{day:yyyy-MM-dd}T{localTimeWithOffset}", "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    private static void AssertNear(string place, string what, DateTimeOffset? expected, DateTimeOffset? actual)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{place} {what}: expected none, got {actual:O}");
            return;
        }

        Assert.True(actual is not null, $"{place} {what}: expected {expected:O}, got none");
        Assert.True(expected.Value.Offset == actual.Value.Offset, $"{place} {what}: expected offset {expected.Value.Offset}, got {actual.Value.Offset}");
        var error = (actual.Value - expected.Value).Duration();
        Assert.True(error <= OneMinute, $"{place} {what}: expected {expected:O}, got {actual:O} ({error.TotalSeconds:F0} s off)");
    }

    /// <summary>
    /// A second, independent implementation for the cross-check, sharing no code and no series with the one under
    /// test: the Astronomical Almanac's low-precision solar coordinates (L = 280.460 + 0.9856474 n,
    /// g = 357.528 + 0.9856003 n, λ = L + 1.915 sin g + 0.020 sin 2g, ε = 23.439 − 0.0000004 n; good to 0.01°),
    /// the hour angle from Greenwich mean sidereal time and right ascension (not from an equation of time), and the
    /// events found by scanning the sun's altitude in 5-minute steps and bisecting each crossing of −0.833°.
    /// </summary>
    private static (DateTimeOffset Rise, DateTimeOffset Set) AltitudeScan(DateOnly day, double latitude, double longitude, TimeZoneInfo zone)
    {
        DateTimeOffset? rise = null;
        DateTimeOffset? set = null;
        var step = TimeSpan.FromMinutes(5);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-15);
        var until = from.AddHours(24 + 30);
        double previous = Altitude(from);
        for (var t = from + step; t <= until; t += step)
        {
            double current = Altitude(t);
            if ((previous > -0.833) != (current > -0.833))
            {
                var crossing = Bisect(t - step, t);
                var local = TimeZoneInfo.ConvertTime(crossing, zone);
                if (DateOnly.FromDateTime(local.DateTime) == day)
                {
                    if (current > previous)
                    {
                        rise ??= local;
                    }
                    else
                    {
                        set ??= local;
                    }
                }
            }

            previous = current;
        }

        return (rise ?? throw new InvalidOperationException("no rise"), set ?? throw new InvalidOperationException("no set"));

        DateTimeOffset Bisect(DateTimeOffset low, DateTimeOffset high)
        {
            bool lowAbove = Altitude(low) > -0.833;
            for (int i = 0; i < 30; i++)
            {
                var middle = low + ((high - low) / 2);
                if ((Altitude(middle) > -0.833) == lowAbove)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            return low + ((high - low) / 2);
        }

        double Altitude(DateTimeOffset instant)
        {
            double n = (instant.UtcDateTime - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays;
            double g = Rad(357.528 + (0.9856003 * n));
            double lambda = Rad(280.460 + (0.9856474 * n) + (1.915 * Math.Sin(g)) + (0.020 * Math.Sin(2 * g)));
            double epsilon = Rad(23.439 - (0.0000004 * n));
            double rightAscension = Math.Atan2(Math.Cos(epsilon) * Math.Sin(lambda), Math.Cos(lambda));
            double declination = Math.Asin(Math.Sin(epsilon) * Math.Sin(lambda));
            double siderealHours = 18.697374558 + (24.06570982441908 * n);
            double hourAngle = Rad(siderealHours * 15.0) + Rad(longitude) - rightAscension;
            double sinAltitude = (Math.Sin(Rad(latitude)) * Math.Sin(declination))
                                 + (Math.Cos(Rad(latitude)) * Math.Cos(declination) * Math.Cos(hourAngle));
            return Math.Asin(sinAltitude) * 180.0 / Math.PI;
        }

        static double Rad(double degrees) => degrees * Math.PI / 180.0;
    }
}
