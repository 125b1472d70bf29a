namespace Gateway.Daemon.Gpio;

/// <summary>A GPIO chip whose lines the gateway asks for; the Linux character device, or a fake in tests.</summary>
public interface IGpioChip : IDisposable
{
    /// <summary>Takes <paramref name="offset"/> as an output, driven to <paramref name="initial"/>.</summary>
    IGpioOutputLine RequestOutput(int offset, bool initial);

    /// <summary>Takes <paramref name="offset"/> as an input reporting both edges, debounced by <paramref name="debounce"/>.</summary>
    IGpioInputLine RequestInput(int offset, bool activeLow, TimeSpan debounce);
}
