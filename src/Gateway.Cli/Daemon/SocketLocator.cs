namespace Gateway.Cli.Daemon;

/// <summary>
/// Finds the daemon's admin socket as the daemon chooses it: an explicit path; under systemd
/// <c>/run/gatewayd/gatewayd.sock</c>; otherwise <c>gatewayd.sock</c> in the data directory (<c>./data</c> by default,
/// which is where <c>dotnet run --project src/Gateway.Daemon</c> keeps it).
/// </summary>
public static class SocketLocator
{
    public const string FileName = "gatewayd.sock";
    public const string SystemdPath = "/run/gatewayd/" + FileName;

    public static string Locate(string? explicitPath, string? dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        if (Environment.GetEnvironmentVariable("GATEWAYD_SOCKET") is { Length: > 0 } fromEnvironment) return Path.GetFullPath(fromEnvironment);
        if (!string.IsNullOrWhiteSpace(dataDirectory)) return Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (File.Exists(SystemdPath)) return SystemdPath;
        return Path.GetFullPath(Path.Combine("data", FileName));
    }
}
