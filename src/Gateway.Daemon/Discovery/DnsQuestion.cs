namespace Gateway.Daemon.Discovery;

/// <summary>One question of a query. <paramref name="UnicastResponse"/> is mDNS's QU bit (top bit of the class).</summary>
public sealed record DnsQuestion(string Name, DnsRecordType Type, bool UnicastResponse);
