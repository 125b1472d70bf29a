using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Licensing;
using Gateway.Core.Persistence;
using Gateway.Core.Events;
using Gateway.Engine.Devices;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Licensing;

/// <summary>
/// Keeps the customer licence the cloud pushed (in the settings table) and decides whether a radio may be opened for
/// new devices. Without a licence record the gateway is unlicensed-local and pairing is not limited. A radio that is
/// open when a new device brings the count to the limit is closed, so a pairing window cannot carry the count past it.
/// </summary>
public sealed class LicenceService(ISettingsStore settings, DeviceRegistry devices, RadioDirectory radios, IEventBus bus, TimeProvider time,
    ILogger<LicenceService> logger) : IPairingPolicy, IEventSink
{
    public const string SettingKey = "cloud.licence";
    private volatile StoredLicence? _current;
    private IDisposable? _subscription;

    public StoredLicence? Current => _current;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _subscription ??= bus.Subscribe(this);
        var text = await settings.GetAsync(SettingKey, cancellationToken);
        if (text is null) return;
        try
        {
            _current = JsonSerializer.Deserialize(text, LicenceJsonContext.Default.StoredLicence);
        }
        catch (JsonException ex)
        {
            logger.LogError("The stored licence record is unreadable ({Error}); pairing is refused until the cloud sends it again", ex.Message);
            _current = new StoredLicence(new CustomerLicence { DeviceNumberLimitation = 0, LicenseTill = 0 }, 0);
        }
    }

    /// <summary>Checks and stores a record pushed by the cloud; returns it as stored.</summary>
    public async Task<StoredLicence> UpdateAsync(CustomerLicence record, CancellationToken cancellationToken)
    {
        Validate(record);
        var stored = new StoredLicence(record, time.GetUtcNow().ToUnixTimeMilliseconds());
        await settings.SetAsync(SettingKey, JsonSerializer.Serialize(stored, LicenceJsonContext.Default.StoredLicence), cancellationToken);
        _current = stored;
        logger.LogInformation("Licence of customer {Cid} stored: at most {Limit} devices, valid until {Till:u}",
            record.Cid, record.DeviceNumberLimitation, DateTimeOffset.FromUnixTimeMilliseconds(record.LicenseTill));
        return stored;
    }

    public int PairedDevices() => devices.All().Count(d => !d.DeviceUrl.StartsWith("internal://", StringComparison.Ordinal));

    public LicenceView View()
    {
        var stored = _current;
        var paired = PairedDevices();
        if (stored is null) return new LicenceView(false, null, null, null, null, null, null, null, null, false, paired, false, true, null);
        var r = stored.Record;
        var refusal = Refusal(stored, paired);
        return new LicenceView(true, r.Id, r.Name, r.ShortName, r.Cid, r.DeviceSearchingRange, r.DeviceNumberLimitation, r.LicensingEnhancement,
            r.LicenseTill, !string.IsNullOrEmpty(r.EncryptionKey), paired, IsExpired(stored), refusal is null, stored.UpdateTime);
    }

    public void EnsurePairingAllowed(string protocol)
    {
        var stored = _current;
        if (stored is null) return;
        if (Refusal(stored, PairedDevices()) is { } error)
        {
            logger.LogWarning("Pairing on {Protocol} refused: {Reason}", protocol, error.Error);
            throw new OverkizException(error);
        }
    }

    /// <summary>Runs on the publisher's thread (inside the registry's lock): only hands the check to the pool.</summary>
    public void OnEvent(GatewayEvent gatewayEvent)
    {
        if (gatewayEvent is DeviceCreatedEvent && _current is not null) _ = Task.Run(CloseOpenRadiosIfFullAsync);
    }

    private async Task CloseOpenRadiosIfFullAsync()
    {
        if (_current is not { } stored || PairedDevices() < stored.Record.DeviceNumberLimitation) return;
        foreach (var radio in radios.All)
        {
            try
            {
                if (!radio.GetDiagnostics().PairingMode) continue;
                logger.LogWarning("The licence's limit of {Limit} devices is reached; pairing on {Protocol} closed", stored.Record.DeviceNumberLimitation, radio.Protocol);
                await radio.StopPairingAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Closing pairing on {Protocol} at the licence limit failed", radio.Protocol);
            }
        }
    }

    private bool IsExpired(StoredLicence stored) => time.GetUtcNow().ToUnixTimeMilliseconds() >= stored.Record.LicenseTill;

    private OverkizError? Refusal(StoredLicence stored, int paired)
    {
        var record = stored.Record;
        if (IsExpired(stored))
            return new OverkizError(400, "UNSPECIFIED_ERROR",
                $"\"Pairing refused: the licence expired on {DateTimeOffset.FromUnixTimeMilliseconds(record.LicenseTill):yyyy-MM-dd HH:mm:ss} UTC.\"");
        if (paired >= record.DeviceNumberLimitation)
            return new OverkizError(400, "UNSPECIFIED_ERROR",
                $"\"Pairing refused: the licence allows {record.DeviceNumberLimitation} devices and {paired} are paired.\"");
        return null;
    }

    private static void Validate(CustomerLicence record)
    {
        if (record.Cid <= 0) throw new OverkizException(OverkizError.BadParameters("cid must be a positive integer"));
        if (record.DeviceNumberLimitation < 0) throw new OverkizException(OverkizError.BadParameters("deviceNumberLimitation must be 0 or more"));
        if (record.LicenseTill <= 0) throw new OverkizException(OverkizError.BadParameters("licenseTill must be milliseconds since 1970-01-01 UTC"));
        if (record.EncryptionKey is { Length: > 256 }) throw new OverkizException(OverkizError.BadParameters("encryptionKey is longer than 256 characters"));
        foreach (var text in new[] { record.Name, record.ShortName, record.LicensingEnhancement, record.GoogleApiKey })
            if (text is { Length: > 256 }) throw new OverkizException(OverkizError.BadParameters("a text field of the licence is longer than 256 characters"));
    }
}
