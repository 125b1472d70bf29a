using System.Net;
using System.Net.Sockets;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Serial;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>A radio pointed at tcp://127.0.0.1:PORT where each connection is taken by a simulated coordinator.</summary>
internal sealed class TcpHarness : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _accepting;
    private readonly ulong _ieee;
    private readonly List<(TcpClient Client, ZnpCoordinatorSimulator Simulator)> _connections = [];

    private TcpHarness(bool formed, double srspTimeoutSeconds, double watchdogSeconds, ZnpCoordinatorMemory? memory, ulong ieee, Action<ZigbeeRadioOptions>? configure)
    {
        _ieee = ieee;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var options = new ZigbeeRadioOptions { Port = $"tcp://127.0.0.1:{port}", SrspTimeoutSeconds = srspTimeoutSeconds, WatchdogIntervalSeconds = watchdogSeconds };
        configure?.Invoke(options);
        Radio = new ZigbeeRadio(options, TimeProvider.System, NullLogger<ZigbeeRadio>.Instance);
        Memory = memory ?? (formed ? ZnpCoordinatorMemory.WithNetwork(ZnpCoordinatorSimulator.DefaultIeeeAddress) : new ZnpCoordinatorMemory());
        _accepting = AcceptAsync();
    }

    /// <summary>The coordinator's NV and network, the same on every connection.</summary>
    public ZnpCoordinatorMemory Memory { get; }

    public ZigbeeRadio Radio { get; }

    /// <summary>The coordinator on the latest connection.</summary>
    public ZnpCoordinatorSimulator? Simulator { get; private set; }

    public int Connections { get; private set; }

    public static async Task<TcpHarness> StartAsync(bool formed, double srspTimeoutSeconds = 6, double watchdogSeconds = 0,
        IRadioSettingsStore? settings = null, ZnpCoordinatorMemory? memory = null, ulong ieee = ZnpCoordinatorSimulator.DefaultIeeeAddress,
        Action<ZigbeeRadioOptions>? configure = null)
    {
        var harness = new TcpHarness(formed, srspTimeoutSeconds, watchdogSeconds, memory, ieee, configure);
        await harness.Radio.StartAsync(RadioStartContext.Empty with { Settings = settings }, CancellationToken.None);
        return harness;
    }

    /// <summary>A later connection reaches the same coordinator, whose network survived in its NV.</summary>
    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            var simulator = new ZnpCoordinatorSimulator(new StreamTransport(client.GetStream(), "tcp"), _ieee, memory: Memory);
            lock (_connections) _connections.Add((client, simulator));
            Simulator = simulator;
            Connections++;
            await simulator.StartAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Radio.DisposeAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var (client, simulator) in _connections)
        {
            await simulator.DisposeAsync();
            client.Dispose();
        }
    }
}
