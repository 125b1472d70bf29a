using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.Simulator;
using Gateway.Serial;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>A radio pointed at tcp://127.0.0.1:PORT where each connection is taken by a simulated controller holding the same network.</summary>
internal sealed class RadioHarness : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _accepting;
    private readonly List<(TcpClient Client, ZWaveControllerSimulator Simulator)> _connections = [];
    private readonly List<DeviceReport> _seen = [];
    private readonly Task _collecting;

    private RadioHarness(Network network, Action<ZWaveRadioOptions>? configure)
    {
        Network = network;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var options = new ZWaveRadioOptions { Port = $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}", ReportTimeoutSeconds = 3, ConfirmPollSeconds = 0.1 };
        configure?.Invoke(options);
        Radio = new ZWaveRadio(options, TimeProvider.System, NullLogger<ZWaveRadio>.Instance);
        _accepting = AcceptAsync();
        _collecting = CollectAsync(Radio.Reports);
    }

    public Network Network { get; }
    public ZWaveRadio Radio { get; }
    public ZWaveControllerSimulator? Simulator { get; private set; }
    public int Connections { get; private set; }

    /// <summary>Controllers of new connections start wedged (they read and never answer).</summary>
    public bool StartSilent { get; set; }

    public IReadOnlyList<DeviceReport> Seen
    {
        get
        {
            lock (_seen) return [.. _seen];
        }
    }

    public static async Task<RadioHarness> StartAsync(Network network, IRadioSettingsStore? settings = null, Action<ZWaveRadioOptions>? configure = null, bool startSilent = false)
    {
        var harness = new RadioHarness(network, configure) { StartSilent = startSilent };
        await harness.Radio.StartAsync(RadioStartContext.Empty with { Settings = settings }, CancellationToken.None);
        return harness;
    }

    public Task WaitForAsync(Func<IReadOnlyList<DeviceReport>, bool> condition, string what) => Wait.UntilAsync(() => condition(Seen), what);

    private async Task CollectAsync(ChannelReader<DeviceReport> reports)
    {
        await foreach (var report in reports.ReadAllAsync())
            lock (_seen) _seen.Add(report);
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            var simulator = new ZWaveControllerSimulator(new StreamTransport(client.GetStream(), "tcp")) { Silent = StartSilent };
            Network.AddTo(simulator);
            lock (_connections) _connections.Add((client, simulator));
            Simulator = simulator;
            Connections++;
            await simulator.StartAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Radio.DisposeAsync();
        await _collecting;
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var (client, simulator) in _connections)
        {
            await simulator.DisposeAsync();
            client.Dispose();
        }
    }
}
