namespace Gateway.Cloud.Mqtt;

/// <summary>
/// Exponential reconnect delays with jitter: each wait is drawn between half and all of the current step, and the step
/// doubles up to the maximum. A fleet that lost one broker therefore does not come back in one wave.
/// </summary>
public sealed class ReconnectBackoff(int firstSeconds, int maxSeconds, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private double _step;

    public TimeSpan Next()
    {
        var first = Math.Max(1, firstSeconds);
        _step = _step == 0 ? first : Math.Min(_step * 2, Math.Max(first, maxSeconds));
        return TimeSpan.FromSeconds(_step * (0.5 + _random.NextDouble() * 0.5));
    }

    /// <summary>After a connection the broker accepted.</summary>
    public void Reset() => _step = 0;
}
