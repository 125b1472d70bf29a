namespace Gateway.Daemon.Admin;

public sealed record LogLine(DateTimeOffset Time, string Level, string Source, string Message);
