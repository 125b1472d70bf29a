namespace Gateway.Daemon.Gpio;

/// <summary>An output line (the status LED).</summary>
public interface IGpioOutputLine : IDisposable
{
    void Set(bool active);
}
