using System.Threading.Channels;
using Gateway.Core.Radio;
using Gateway.Radio.EnOcean.Simulator;
using Gateway.Serial.Linux;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Radio.EnOcean.Tests.Driver;

/// <summary>The EnOcean radio on one end of a real pty pair, the simulated USB 300 on the other.</summary>
internal sealed class RadioHarness : IAsyncDisposable
{
    public SocatPair Pty { get; private set; } = null!;
    public Esp3DongleSimulator Dongle { get; private set; } = null!;
    public EnOceanRadio Radio { get; private set; } = null!;
    public List<DeviceReport> Reports { get; } = [];
    private Task _drain = Task.CompletedTask;

    public static async Task<RadioHarness> StartAsync(RadioStartContext? context = null, EnOceanRadioOptions? options = null)
    {
        var harness = new RadioHarness { Pty = await SocatPair.StartAsync() };
        await harness.StartDongleAsync();
        options ??= new EnOceanRadioOptions();
        options.Port = harness.Pty.PathA;
        harness.Radio = new EnOceanRadio(options, TimeProvider.System, NullLogger<EnOceanRadio>.Instance);
        harness._drain = Task.Run(async () =>
        {
            await foreach (var report in harness.Radio.Reports.ReadAllAsync())
                lock (harness.Reports) harness.Reports.Add(report);
        });
        await harness.Radio.StartAsync(context ?? RadioStartContext.Empty, default);
        await harness.WaitAsync(() => harness.Radio.BaseId is not null && harness.Radio.Connected);
        return harness;
    }

    public async Task StartDongleAsync()
    {
        Dongle = new Esp3DongleSimulator(new LinuxSerialPort(Pty.PathB, 57600));
        await Dongle.StartAsync(default);
    }

    public List<T> Of<T>() where T : DeviceReport
    {
        lock (Reports) return Reports.OfType<T>().ToList();
    }

    public async Task<T> WaitForAsync<T>(Func<T, bool> match) where T : DeviceReport
    {
        T? found = null;
        await WaitAsync(() => (found = Of<T>().FirstOrDefault(match)) is not null);
        return found!;
    }

    public async Task WaitAsync(Func<bool> condition, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met; reports: " + string.Join("\n", Snapshot()));
            await Task.Delay(10);
        }
    }

    private List<DeviceReport> Snapshot()
    {
        lock (Reports) return Reports.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Radio.DisposeAsync();
        await _drain;
        await Dongle.DisposeAsync();
        await Pty.DisposeAsync();
    }
}
