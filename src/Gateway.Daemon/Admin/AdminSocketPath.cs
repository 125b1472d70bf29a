namespace Gateway.Daemon.Admin;

/// <summary>
/// Where the technician's socket lives: <c>Gateway:Admin:Socket</c> when set; under systemd the service's runtime
/// directory (<c>RuntimeDirectory=gatewayd</c> gives <c>/run/gatewayd</c>); otherwise the data directory.
/// gatewayctl looks in the same places in the same order.
/// </summary>
public static class AdminSocketPath
{
    public const string FileName = "gatewayd.sock";

    /// <summary>The kernel's limit for a socket path (sun_path), terminating zero excluded.</summary>
    public const int MaxLength = 107;

    public static string Resolve(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var runtimeDirectory = Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY");
        if (!string.IsNullOrWhiteSpace(runtimeDirectory)) return Path.Combine(runtimeDirectory.Split(':')[0], FileName);
        return Path.Combine(dataDirectory, FileName);
    }
}
