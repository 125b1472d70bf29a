namespace Gateway.Daemon.Hosting;

/// <summary>gatewayd's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Failed while running, or refused because another gatewayd holds the data directory.</summary>
    public const int Failure = 1;

    /// <summary>Wrong command line or configuration, or a data directory/port that cannot be used.</summary>
    public const int Configuration = 2;

    /// <summary>Stopped on purpose to be started again (a restore was staged); systemd's Restart=on-failure does it.</summary>
    public const int Restart = 75;
}
