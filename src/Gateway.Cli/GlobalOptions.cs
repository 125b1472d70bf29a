using System.CommandLine;

namespace Gateway.Cli;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Socket = new("--socket")
    {
        Description = "the daemon's admin socket (default: $GATEWAYD_SOCKET, /run/gatewayd/gatewayd.sock, then ./data/gatewayd.sock)",
        Recursive = true,
    };

    public static readonly Option<string?> DataDirectory = new("--data-dir")
    {
        Description = "the daemon's data directory, to find its socket there",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "print the daemon's JSON answer, for scripts",
        Recursive = true,
    };
}
