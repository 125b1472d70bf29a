using System.Net;
using System.Net.Sockets;
using Gateway.Serial;

namespace Gateway.Radio.EnOcean.Simulator;

/// <summary>
/// The simulated dongle behind a TCP port, as enocean-sim serves it: every new connection (a restarted gateway)
/// gets a fresh dongle session and replaces the previous one, so stopping and starting the gateway just reconnects.
/// The D2-01 actuators taught so far are kept across sessions, as real devices would be.
/// </summary>
public sealed class TcpDongleServer(int port, int baudRate = 57600) : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, port);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<uint, int> _actuators = [];
    private readonly Lock _gate = new();
    private Esp3DongleSimulator? _current;
    private Task _acceptLoop = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many gateway connections were accepted so far.</summary>
    public int Sessions { get; private set; }

    /// <summary>Said when a gateway connects (for the console tool).</summary>
    public event Action<int>? Connected;

    /// <summary>The dongle of the latest connection, or null before the first one.</summary>
    public Esp3DongleSimulator? Current
    {
        get { lock (_gate) return _current; }
    }

    public void Start()
    {
        _listener.Start();
        _acceptLoop = Task.Run(() => AcceptLoopAsync(_stopping.Token));
    }

    /// <summary>A D2-01 actuator on the current dongle and on every later one.</summary>
    public void AddD201Actuator(uint id, int channels)
    {
        lock (_gate)
        {
            _actuators[id] = channels;
            _current?.AddD201Actuator(id, channels);
        }
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
            var dongle = new Esp3DongleSimulator(new StreamTransport(client.GetStream(), "tcp client"), baudRate: baudRate);
            Esp3DongleSimulator? previous;
            lock (_gate)
            {
                foreach (var (id, channels) in _actuators) dongle.AddD201Actuator(id, channels);
                previous = _current;
                _current = dongle;
                Sessions++;
            }
            if (previous is not null) await previous.DisposeAsync();
            await dongle.StartAsync(cancellationToken);
            Connected?.Invoke(Sessions);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Current is { } dongle) await dongle.DisposeAsync();
        _listener.Dispose();
    }
}
