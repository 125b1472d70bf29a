using System.Collections.Concurrent;
using Gateway.Core.Radio;
using Gateway.Radio.Io.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Radio.Io.Tests;

/// <summary>A simulated KLF-200 with a roller shutter (node 0) and a Velux window (node 1), and an io radio logged in to it.</summary>
internal sealed class RadioHarness : IAsyncDisposable
{
    public const string Password = "s3cret";

    private readonly Task _collecting;

    private RadioHarness(Klf200Simulator simulator, IoRadio radio)
    {
        Simulator = simulator;
        Radio = radio;
        _collecting = Task.Run(async () =>
        {
            await foreach (var report in radio.Reports.ReadAllAsync()) Reports.Enqueue(report);
        });
    }

    public Klf200Simulator Simulator { get; }
    public IoRadio Radio { get; }
    public ConcurrentQueue<DeviceReport> Reports { get; } = new();

    public static async Task<RadioHarness> StartAsync(Action<IoRadioOptions>? configure = null, string? fingerprint = null, bool addNodes = true, Action<Klf200Simulator>? before = null)
    {
        var simulator = new Klf200Simulator(Password);
        if (addNodes)
        {
            simulator.Add(SimulatedIoNode.RollerShutter(0, 0x5A75A5, "Kitchen")).TravelTime = TimeSpan.FromMilliseconds(600);
            simulator.Add(SimulatedIoNode.VeluxWindow(1, 0x3C1F22, "Roof")).TravelTime = TimeSpan.FromMilliseconds(600);
        }
        before?.Invoke(simulator);
        await simulator.StartAsync();
        var options = new IoRadioOptions { Port = simulator.Url, Password = Password, CertificateFingerprint = fingerprint ?? simulator.Fingerprint, CommandTimeoutSeconds = 20 };
        configure?.Invoke(options);
        var radio = new IoRadio(options, TimeProvider.System, NullLogger<IoRadio>.Instance);
        await radio.StartAsync(RadioStartContext.Empty, default);
        return new RadioHarness(simulator, radio);
    }

    public async Task ConnectedAsync() => await Wait.UntilAsync(() => Radio.Connected, "the radio never logged in to the simulator");

    public async ValueTask DisposeAsync()
    {
        await Radio.DisposeAsync();
        await _collecting;
        await Simulator.DisposeAsync();
    }
}
