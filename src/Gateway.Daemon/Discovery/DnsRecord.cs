using System.Net;

namespace Gateway.Daemon.Discovery;

/// <summary>
/// One resource record of the advertisement. <see cref="Unique"/> records (all but the shared PTR) carry mDNS's
/// cache-flush bit in multicast answers.
/// </summary>
public sealed record DnsRecord(string Name, DnsRecordType Type, TimeSpan Ttl, bool Unique)
{
    public string? Target { get; init; }
    public ushort Port { get; init; }
    public IReadOnlyList<string> Texts { get; init; } = [];
    public IPAddress? Address { get; init; }
}
