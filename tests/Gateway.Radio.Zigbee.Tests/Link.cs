using System.Net;
using System.Net.Sockets;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Serial;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>A host-side <see cref="ZnpSession"/> running against a simulated coordinator on the other end of a real link.</summary>
internal sealed class Link : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private readonly Task _reading;
    private readonly IByteTransport _host;
    private readonly IDisposable? _extra;

    private Link(IByteTransport host, ZnpCoordinatorSimulator simulator, TimeSpan? srspTimeout, IDisposable? extra)
    {
        _host = host;
        _extra = extra;
        Simulator = simulator;
        Session = new ZnpSession(host, Counters, TimeProvider.System) { SrspTimeout = srspTimeout ?? ZnpSession.DefaultSrspTimeout };
        _reading = Task.Run(() => Session.RunAsync(_stop.Token));
    }

    public ZnpCounters Counters { get; } = new();
    public ZnpSession Session { get; }
    public ZnpCoordinatorSimulator Simulator { get; }
    public CancellationToken Cancel => _stop.Token;

    public static async Task<Link> OverPtyAsync(SocatPair pair, TimeSpan? srspTimeout = null, bool formed = false)
    {
        var simulator = new ZnpCoordinatorSimulator(ByteTransports.Create(pair.PathB, 115200), formed: formed);
        await simulator.StartAsync(CancellationToken.None);
        var host = ByteTransports.Create(pair.PathA, 115200);
        await host.OpenAsync(CancellationToken.None);
        return new Link(host, simulator, srspTimeout, null);
    }

    public static async Task<Link> OverTcpAsync(TimeSpan? srspTimeout = null, bool formed = false, VersionResponse? version = null, ZnpCoordinatorMemory? memory = null)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepting = listener.AcceptTcpClientAsync();
        var host = ByteTransports.Create($"tcp://127.0.0.1:{port}", 0);
        await host.OpenAsync(CancellationToken.None);
        var client = await accepting;
        listener.Stop();
        var simulator = new ZnpCoordinatorSimulator(new StreamTransport(client.GetStream(), "tcp"), formed: formed, memory: memory);
        if (version is not null) simulator.Version = version;
        await simulator.StartAsync(CancellationToken.None);
        return new Link(host, simulator, srspTimeout, client);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _host.DisposeAsync();
        await Simulator.DisposeAsync();
        _extra?.Dispose();
        _stop.Dispose();
    }
}
