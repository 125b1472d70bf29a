using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Location;
using Gateway.Core.Persistence;
using Gateway.Engine.Sun;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Location;

/// <summary>The home's location (kept in settings) and the dawn and dusk times computed from it, on the gateway.</summary>
public sealed class LocationService(ISettingsStore settings, TimeProvider time, ILogger<LocationService>? logger = null)
{
    private const string SettingKey = "setup.location";
    private SetupLocation? _location;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var json = await settings.GetAsync(SettingKey, cancellationToken);
        _location = StoredJson.ReadOne(json, GatewayJsonContext.Default.SetupLocation,
            reason => logger?.LogError("Stored {Key} cannot be loaded and is ignored: {Reason}", SettingKey, reason));
        if (_location is { Timezone: null }) _location = null;
    }

    public SetupLocation Current => _location ?? new SetupLocation { Timezone = TimeZoneInfo.Local.Id };

    public async Task<SetupLocation> UpdateAsync(SetupLocation update, CancellationToken cancellationToken)
    {
        if (update.Latitude is < -90 or > 90 || update.Longitude is < -180 or > 180)
            throw new OverkizException(OverkizError.BadParameters("latitude must be within -90..90 and longitude within -180..180"));
        if (string.IsNullOrWhiteSpace(update.Timezone))
            throw new OverkizException(OverkizError.BadParameters("timezone must be a time zone name such as Europe/Paris"));
        if (update.Latitude is { } lat && !double.IsFinite(lat) || update.Longitude is { } lon && !double.IsFinite(lon))
            throw new OverkizException(OverkizError.BadParameters("latitude and longitude must be finite numbers"));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(update.Timezone, out _))
            throw new OverkizException(OverkizError.BadParameters($"unknown time zone {update.Timezone}"));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var location = update with { CreationTime = _location?.CreationTime ?? now, LastUpdateTime = now };
        await settings.SetAsync(SettingKey, JsonSerializer.Serialize(location, GatewayJsonContext.Default.SetupLocation), cancellationToken);
        _location = location;
        return location;
    }

    /// <summary>The local date today in the home's time zone.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone()).DateTime);

    /// <summary>Sunrise and sunset of a local date in the home's zone; null when the home has no latitude/longitude.</summary>
    public SunTimes? SunTimesOn(DateOnly date) =>
        Current is { Latitude: { } latitude, Longitude: { } longitude } ? SolarCalculator.ForDate(date, latitude, longitude, Zone()) : null;

    public SunEventTime Dawn(DateOnly date) => Event(date, t => t.Sunrise);

    public SunEventTime Dusk(DateOnly date) => Event(date, t => t.Sunset);

    private SunEventTime Event(DateOnly date, Func<SunTimes, DateTimeOffset?> pick)
    {
        if (Current is not { Latitude: { } latitude, Longitude: { } longitude }) return SunEventTime.None;
        var at = pick(SolarCalculator.ForDate(date, latitude, longitude, Zone()));
        return at is { } local ? new SunEventTime(local.Hour, local.Minute, local.ToUnixTimeMilliseconds()) : SunEventTime.None;
    }

    private TimeZoneInfo Zone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(Current.Timezone, out var zone) ? zone : TimeZoneInfo.Utc;
}
