using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Discovery;

/// <summary>
/// Answers mDNS queries for the local API the way a TaHoma box does, from the daemon itself, so the advertised pin
/// and addresses are always the daemon's own. Bound like the API: on a LAN address it joins the mDNS group,
/// announces itself at start and after an address change, and says goodbye at shutdown; on loopback it only answers
/// unicast queries from the box itself.
/// </summary>
public sealed class MdnsResponder(KizboxAdvertisement advertisement, IPAddress bindAddress, int port, TimeProvider time, ILogger<MdnsResponder> logger)
    : BackgroundService
{
    private static readonly IPAddress Group = IPAddress.Parse("224.0.0.251");
    private const int MdnsPort = 5353;

    private readonly SemaphoreSlim _addressChanged = new(0);
    private Socket? _socket;

    private bool Multicast => !IPAddress.IsLoopback(bindAddress);
    private IPEndPoint GroupEndpoint => new(Group, MdnsPort);

    /// <summary>The addresses to advertise for the host name: the API's own, or every LAN address when it listens on all.</summary>
    public static IReadOnlyList<IPAddress> AdvertisedAddresses(IPAddress apiBindAddress)
    {
        if (IPAddress.IsLoopback(apiBindAddress)) return [apiBindAddress];
        if (!apiBindAddress.Equals(IPAddress.Any) && !apiBindAddress.Equals(IPAddress.IPv6Any)) return [apiBindAddress];
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.AddressFamily == AddressFamily.InterNetwork || (a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal))
                .Distinct()
                .ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _socket = Open();
        }
        catch (SocketException ex)
        {
            logger.LogWarning("mDNS advertisement off: cannot listen on {Address}:{Port} ({Reason})", bindAddress, port, ex.SocketErrorCode);
            return;
        }
        logger.LogInformation("mDNS: advertising {Instance} (host {Host}) from {Address}:{Port}", advertisement.InstanceName, advertisement.HostName, bindAddress, port);
        if (Multicast)
        {
            NetworkChange.NetworkAddressChanged += OnAddressChanged;
            _ = AnnounceOnAddressChangesAsync(stoppingToken);
            await AnnounceAsync(stoppingToken);
        }
        await AnswerQueriesAsync(_socket, stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        NetworkChange.NetworkAddressChanged -= OnAddressChanged;
        if (_socket is { } socket && Multicast) await SendAsync(socket, Goodbye(), GroupEndpoint, cancellationToken);
        await base.StopAsync(cancellationToken);
        _socket?.Dispose();
    }

    private Socket Open()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Shares the port with another responder (avahi) on the same box.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(Multicast ? IPAddress.Any : bindAddress, port));
            if (Multicast)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
                JoinGroupOnEveryInterface(socket);
            }
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void JoinGroupOnEveryInterface(Socket socket)
    {
        var joined = 0;
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces().Where(n => n.SupportsMulticast && n.OperationalStatus == OperationalStatus.Up))
        {
            var index = nic.GetIPProperties().GetIPv4Properties()?.Index;
            if (index is null) continue;
            try
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(Group, index.Value));
                joined++;
            }
            catch (SocketException ex)
            {
                logger.LogDebug("mDNS: cannot join the group on {Interface}: {Reason}", nic.Name, ex.SocketErrorCode);
            }
        }
        if (joined == 0) socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(Group));
    }

    private async Task AnswerQueriesAsync(Socket socket, CancellationToken stoppingToken)
    {
        var buffer = new byte[9000];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                logger.LogDebug("mDNS receive failed: {Reason}", ex.SocketErrorCode);
                continue;
            }
            if (DnsQueryReader.TryRead(buffer.AsSpan(0, received.ReceivedBytes)) is not { } query) continue;
            var sender = (IPEndPoint)received.RemoteEndPoint;
            if (Reply(query, sender) is { } reply) await SendAsync(socket, reply.Packet, reply.To, stoppingToken);
        }
    }

    /// <summary>
    /// A query from a port other than 5353 is a plain DNS client (legacy unicast): it gets a unicast DNS answer. An
    /// mDNS query gets a multicast answer, or a unicast one when every question asked for it (QU).
    /// </summary>
    private (byte[] Packet, IPEndPoint To)? Reply(DnsQuery query, IPEndPoint sender)
    {
        var answers = new List<DnsRecord>();
        var additionals = new List<DnsRecord>();
        var asked = new List<DnsQuestion>();
        foreach (var question in query.Questions)
        {
            var (a, extra) = advertisement.Answer(question);
            if (a.Count == 0) continue;
            asked.Add(question);
            answers.AddRange(a);
            additionals.AddRange(extra);
        }
        if (answers.Count == 0) return null;
        additionals = additionals.Where(x => !answers.Contains(x)).Distinct().ToList();
        if (sender.Port != MdnsPort)
            return (DnsResponseWriter.Write(query.Id, asked, answers, additionals, legacyUnicast: true), sender);
        var packet = DnsResponseWriter.Write(0, [], answers, additionals, legacyUnicast: false);
        return (packet, asked.All(q => q.UnicastResponse) || !Multicast ? sender : GroupEndpoint);
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        // Twice, a second apart, as RFC 6762 asks, so one lost packet does not hide the box.
        for (var i = 0; i < 2 && _socket is { } socket; i++)
        {
            if (i > 0) await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested) return;
            await SendAsync(socket, DnsResponseWriter.Write(0, [], advertisement.All(), [], legacyUnicast: false), GroupEndpoint, cancellationToken);
        }
    }

    private async Task AnnounceOnAddressChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _addressChanged.WaitAsync(cancellationToken);
                // An address change comes as a burst of netlink events: announce once it settled.
                await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
                while (_addressChanged.CurrentCount > 0) await _addressChanged.WaitAsync(cancellationToken);
                logger.LogInformation("mDNS: addresses changed, announcing again");
                await AnnounceAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnAddressChanged(object? sender, EventArgs e) => _addressChanged.Release();

    private byte[] Goodbye() =>
        DnsResponseWriter.Write(0, [], advertisement.All().Select(r => r with { Ttl = TimeSpan.Zero }).ToList(), [], legacyUnicast: false);

    private async Task SendAsync(Socket socket, byte[] packet, IPEndPoint to, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendToAsync(packet, SocketFlags.None, to, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug("mDNS send to {To} failed: {Reason}", to, ex.Message);
        }
    }
}
