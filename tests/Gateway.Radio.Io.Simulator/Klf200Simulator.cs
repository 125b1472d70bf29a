using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Simulator;

/// <summary>
/// A Velux KLF-200 on its TLS API (SLIP frames, password login) with io nodes that move in time. Faults on demand:
/// obstacles and refusals per node, lost frames, and dropped connections.
/// </summary>
public sealed partial class Klf200Simulator : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly TcpListener _listener;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<SimulatorConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<byte, SimulatedIoNode> _nodes = new();
    private readonly ConcurrentQueue<SimulatedIoNode> _discoverable = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;
    private int _framesToDrop;
    private long _logins, _failedLogins, _keepAlives, _commands, _connectionsAccepted;

    public Klf200Simulator(string password, int port = 0)
    {
        Password = password;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _certificate = CreateCertificate();
        Fingerprint = Convert.ToHexString(SHA256.HashData(_certificate.RawData));
    }

    public string Password { get; set; }
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string Url => $"tls://127.0.0.1:{Port}";
    /// <summary>SHA-256 of the simulator's self-signed certificate, for pinning.</summary>
    public string Fingerprint { get; }
    public long Logins => Interlocked.Read(ref _logins);
    public long FailedLogins => Interlocked.Read(ref _failedLogins);
    public long KeepAlives => Interlocked.Read(ref _keepAlives);
    public long Commands => Interlocked.Read(ref _commands);
    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);
    public int OpenConnections => _connections.Count;
    public IReadOnlyCollection<SimulatedIoNode> Nodes => _nodes.Values.ToList();

    /// <summary>Stopwatch timestamps of every GW_COMMAND_SEND_REQ as it was decoded (benchmarks).</summary>
    public ConcurrentQueue<long> CommandArrivals { get; } = new();

    public SimulatedIoNode Add(SimulatedIoNode node)
    {
        _nodes[node.NodeId] = node;
        return node;
    }

    /// <summary>A node that joins on the next GW_CS_DISCOVER_NODES_REQ.</summary>
    public void AddDiscoverable(SimulatedIoNode node) => _discoverable.Enqueue(node);

    public SimulatedIoNode Node(byte nodeId) => _nodes[nodeId];

    /// <summary>The next <paramref name="count"/> frames the simulator sends are lost.</summary>
    public void DropNextFrames(int count) => Interlocked.Exchange(ref _framesToDrop, count);

    internal bool ShouldDrop()
    {
        while (true)
        {
            var left = Volatile.Read(ref _framesToDrop);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref _framesToDrop, left - 1, left) == left) return true;
        }
    }

    public Task StartAsync()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Closes every client connection, as a KLF-200 reboot or a WiFi drop does.</summary>
    public async Task DisconnectAllAsync()
    {
        foreach (var connection in _connections.Keys)
        {
            _connections.TryRemove(connection, out _);
            await connection.DisposeAsync();
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
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
            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        client.NoDelay = true;
        var stream = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await stream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            await stream.DisposeAsync();
            client.Dispose();
            return;
        }
        Interlocked.Increment(ref _connectionsAccepted);
        var connection = new SimulatorConnection(stream, this);
        _connections[connection] = 0;
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            await connection.DisposeAsync();
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await DisconnectAllAsync();
        await _accepting;
        foreach (var node in _nodes.Values) node.Motion?.Cancel();
        _certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=KLF200 simulator", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    internal static long Now() => Stopwatch.GetTimestamp();
}
