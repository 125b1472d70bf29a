namespace Gateway.Daemon.Discovery;

/// <summary>A query as read off the wire: its id and questions; answers and authority in it are ignored.</summary>
public sealed record DnsQuery(ushort Id, IReadOnlyList<DnsQuestion> Questions);
