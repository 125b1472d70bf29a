namespace Gateway.Engine.Scheduling;

/// <summary>
/// A one-shot timer set for a wall-clock instant, for the loops that otherwise look at the clock on a tick: it goes off
/// at that instant so work starts within milliseconds of its time. The delay is rounded up to the millisecond (never
/// a fraction early for nothing) and capped at an hour (timers refuse very long due times; an early wake-up finds
/// nothing due and sets the timer again). Setting is serialised, and does nothing once disposed.
/// </summary>
public sealed class WakeTimer : IDisposable
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ITimer? _timer;

    public WakeTimer(TimeProvider time, Action wake)
    {
        _time = time;
        _timer = time.CreateTimer(_ => wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Goes off at <paramref name="instant"/> (at once if it has passed), or never when it is null.</summary>
    public void At(DateTimeOffset? instant) => At(() => instant);

    /// <summary>
    /// As <see cref="At(DateTimeOffset?)"/>, with the instant worked out under the timer's lock: of two callers racing,
    /// the last to set the timer has seen what the other changed.
    /// </summary>
    public void At(Func<DateTimeOffset?> instant)
    {
        lock (_gate)
        {
            if (_timer is null) return;
            if (instant() is not { } at)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }
            var delay = at - _time.GetUtcNow();
            _timer.Change(delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(Math.Min(delay.TotalMilliseconds, MaxDelay.TotalMilliseconds))),
                Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
