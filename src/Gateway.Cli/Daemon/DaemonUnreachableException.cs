namespace Gateway.Cli.Daemon;

public sealed class DaemonUnreachableException(string message) : Exception(message);
