using System.Net;
using System.Net.Sockets;
using Gateway.Serial;

namespace Gateway.Radio.Rts.Simulator;

/// <summary>
/// The simulated RFXtrx433E behind a TCP port (as ser2net would serve a real one): every new connection (a restarted
/// gateway) gets a fresh interface session over the same memory (remote table, motors), replacing the previous one.
/// </summary>
public sealed class TcpRfxtrxServer(int port) : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, port);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private RfxtrxSimulator? _current;
    private Task _acceptLoop = Task.CompletedTask;

    public TransceiverMemory Memory { get; } = new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Sessions { get; private set; }

    public event Action<int>? Connected;

    public RfxtrxSimulator? Current
    {
        get { lock (_gate) return _current; }
    }

    public void Start()
    {
        _listener.Start();
        _acceptLoop = Task.Run(() => AcceptLoopAsync(_stopping.Token));
    }

    /// <summary>Closes the current connection: the gateway sees the link drop and reconnects.</summary>
    public async Task DropConnectionAsync()
    {
        RfxtrxSimulator? current;
        lock (_gate)
        {
            current = _current;
            _current = null;
        }
        if (current is not null) await current.DisposeAsync();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var simulator = new RfxtrxSimulator(new StreamTransport(client.GetStream(), "tcp client"), Memory);
            RfxtrxSimulator? previous;
            lock (_gate)
            {
                previous = _current;
                _current = simulator;
                Sessions++;
            }
            if (previous is not null) await previous.DisposeAsync();
            await simulator.StartAsync(cancellationToken);
            Connected?.Invoke(Sessions);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Current is { } simulator) await simulator.DisposeAsync();
        _listener.Dispose();
    }
}
