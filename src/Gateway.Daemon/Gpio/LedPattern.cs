namespace Gateway.Daemon.Gpio;

/// <summary>
/// A repeating on/off pattern: <see cref="Steps"/> alternate on, off, on … starting with on; an empty pattern is
/// steadily off and a single step steadily on. The patterns are listed in hardware/README.md.
/// </summary>
public sealed class LedPattern
{
    private LedPattern(params int[] milliseconds) => Steps = [.. milliseconds.Select(ms => TimeSpan.FromMilliseconds(ms))];

    public IReadOnlyList<TimeSpan> Steps { get; }

    public static LedPattern For(GatewayLedState state) => state switch
    {
        GatewayLedState.Starting => new(500, 500),
        GatewayLedState.Healthy => new(1000),
        GatewayLedState.Pairing => new(125, 125),
        GatewayLedState.CloudDown => new(150, 150, 150, 1550),
        GatewayLedState.Error => new(100, 1900),
        GatewayLedState.ResetArming => new(1000, 250),
        GatewayLedState.ResetConfirmed => new(50, 50),
        _ => new(),
    };

    /// <summary>Whether the LED is on <paramref name="elapsed"/> after the pattern began.</summary>
    public bool IsOnAt(TimeSpan elapsed)
    {
        if (Steps.Count <= 1) return Steps.Count == 1;
        var cycle = Steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step);
        var into = TimeSpan.FromTicks(elapsed.Ticks % cycle.Ticks);
        for (var i = 0; i < Steps.Count; i++)
        {
            if (into < Steps[i]) return i % 2 == 0;
            into -= Steps[i];
        }
        return false;
    }
}
