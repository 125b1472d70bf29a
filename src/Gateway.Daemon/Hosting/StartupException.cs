namespace Gateway.Daemon.Hosting;

/// <summary>A problem the user can fix (configuration, data directory, port): printed as one line, no stack trace.</summary>
public sealed class StartupException(string message, int exitCode = ExitCodes.Configuration) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
