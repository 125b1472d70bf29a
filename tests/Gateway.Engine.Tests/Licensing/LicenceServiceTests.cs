using System.Threading.Channels;
using Gateway.Core.Errors;
using Gateway.Core.Licensing;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Licensing;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests.Licensing;

public sealed class LicenceServiceTests
{
    private readonly EngineHarness _harness = new();
    private readonly InMemorySettingsStore _settings = new();
    private readonly PairingRadio _radio = new();

    // Its own clock: the harness's one fires the engine's timers on every step, which makes long jumps slow.
    private readonly ManualTimeProvider _clock = new();

    private LicenceService NewService() =>
        new(_settings, _harness.Registry, new RadioDirectory([_radio]), _harness.Bus, _clock, NullLogger<LicenceService>.Instance);

    private CustomerLicence Licence(int limit, TimeSpan validFor) => new()
    {
        Cid = 7,
        DeviceNumberLimitation = limit,
        LicenseTill = (_clock.GetUtcNow() + validFor).ToUnixTimeMilliseconds(),
        EncryptionKey = "0123456789abcdef0123456789abcdef",
    };

    [Fact]
    public async Task Without_a_licence_pairing_is_not_limited()
    {
        var licence = NewService();
        await licence.LoadAsync(CancellationToken.None);

        licence.EnsurePairingAllowed("sim");
        Assert.False(licence.View().Present);
    }

    [Fact]
    public async Task Pairing_is_refused_once_the_paired_devices_reach_the_limit()
    {
        var licence = NewService();
        await licence.LoadAsync(CancellationToken.None);
        await licence.UpdateAsync(Licence(limit: 4, TimeSpan.FromDays(30)), CancellationToken.None);
        licence.EnsurePairingAllowed("sim");

        await licence.UpdateAsync(Licence(limit: 3, TimeSpan.FromDays(30)), CancellationToken.None);

        var refused = Assert.Throws<OverkizException>(() => licence.EnsurePairingAllowed("sim"));
        Assert.Equal(400, refused.Error.Status);
        Assert.Contains("allows 3 devices and 3 are paired", refused.Error.Error);
    }

    [Fact]
    public async Task Pairing_is_refused_after_the_licence_end_and_allowed_before_it()
    {
        var licence = NewService();
        await licence.LoadAsync(CancellationToken.None);
        await licence.UpdateAsync(Licence(limit: 100, TimeSpan.FromHours(1)), CancellationToken.None);
        licence.EnsurePairingAllowed("sim");

        _clock.Jump(TimeSpan.FromHours(1));

        Assert.Contains("expired", Assert.Throws<OverkizException>(() => licence.EnsurePairingAllowed("sim")).Error.Error);
        Assert.True(licence.View().Expired);
    }

    [Fact]
    public async Task The_record_is_kept_across_a_reload_and_an_invalid_one_is_refused_without_replacing_it()
    {
        var first = NewService();
        await first.LoadAsync(CancellationToken.None);
        await first.UpdateAsync(Licence(limit: 3, TimeSpan.FromDays(1)), CancellationToken.None);
        await Assert.ThrowsAsync<OverkizException>(() => first.UpdateAsync(Licence(limit: 100, TimeSpan.FromDays(1)) with { Cid = 0 }, CancellationToken.None));

        var reloaded = NewService();
        await reloaded.LoadAsync(CancellationToken.None);

        var view = reloaded.View();
        Assert.Equal(3, view.DeviceNumberLimitation);
        Assert.True(view.HasEncryptionKey);
        Assert.False(view.PairingAllowed);
    }

    [Fact]
    public async Task An_open_radio_is_closed_when_a_new_device_reaches_the_limit()
    {
        var licence = NewService();
        await licence.LoadAsync(CancellationToken.None);
        await licence.UpdateAsync(Licence(limit: 4, TimeSpan.FromDays(1)), CancellationToken.None);
        await _radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(2), null), CancellationToken.None);

        _harness.Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered("4", "io:RollerShutterGenericIOComponent", "Shutter 4", [DeviceState.Of("core:ClosureState", 0)], []));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_radio.Pairing && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.False(_radio.Pairing);
    }

    /// <summary>A radio whose pairing mode is only a flag.</summary>
    private sealed class PairingRadio : IRadio
    {
        private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>();
        private volatile bool _pairing;

        public bool Pairing => _pairing;
        public string Protocol => "pairing";
        public ChannelReader<DeviceReport> Reports => _reports.Reader;
        public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken)
        {
            _pairing = true;
            return Task.CompletedTask;
        }

        public Task StopPairingAsync(CancellationToken cancellationToken)
        {
            _pairing = false;
            return Task.CompletedTask;
        }

        public RadioDiagnostics GetDiagnostics() => new(Protocol, true, _pairing, new Dictionary<string, long>());
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
