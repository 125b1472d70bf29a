namespace Gateway.Daemon.Hosting;

/// <summary>Set when the daemon stops itself to be started again (a staged restore); it then exits with <see cref="ExitCodes.Restart"/>.</summary>
public sealed class RestartRequest
{
    private int _requested;

    public bool Requested => Volatile.Read(ref _requested) == 1;

    public void Request() => Interlocked.Exchange(ref _requested, 1);
}
