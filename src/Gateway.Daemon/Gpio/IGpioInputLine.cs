namespace Gateway.Daemon.Gpio;

/// <summary>An input line with edge events (the reset button).</summary>
public interface IGpioInputLine : IDisposable
{
    /// <summary>The next edge: true when the line became active (button pressed), false when it went inactive.</summary>
    ValueTask<bool> ReadEdgeAsync(CancellationToken cancellationToken);
}
