namespace Gateway.Cli;

/// <summary>What scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The daemon refused or could not do what was asked (unknown device, bad argument ...).</summary>
    public const int Refused = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
    /// <summary>No daemon to talk to: not running, or the socket is not accessible to this user.</summary>
    public const int Unreachable = 3;
    /// <summary>The daemon answered, and the answer is bad news: a failed execution, a damaged database.</summary>
    public const int Unhealthy = 4;
}
