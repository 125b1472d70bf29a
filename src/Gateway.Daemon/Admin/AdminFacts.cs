namespace Gateway.Daemon.Admin;

/// <summary>What the daemon knew when it started that <c>gatewayctl status</c> reports.</summary>
public sealed record AdminFacts(
    string Version,
    DateTimeOffset StartedAt,
    string DataDirectory,
    string SocketPath,
    int HttpsPort,
    int HttpPort,
    string? CloudBroker);
