namespace Gateway.Engine.Tests;

/// <summary>A clock that moves only when told, firing the timers (and so Task.Delay) that fall due on the way.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward in small steps so that chains of delays run as they would in real time.</summary>
    public void Advance(TimeSpan by, TimeSpan? step = null)
    {
        var stride = step ?? TimeSpan.FromMilliseconds(10);
        var end = GetUtcNow() + by;
        while (GetUtcNow() < end)
        {
            var next = GetUtcNow() + stride;
            if (next > end) next = end;
            lock (_gate) _now = next;
            if (FireDue()) AwaitContinuations();
            else Thread.Sleep(1);
        }
    }

    /// <summary>Sets the wall clock forward or back at once (an NTP correction); timers keep their due times.</summary>
    public void Jump(TimeSpan by)
    {
        lock (_gate) _now += by;
        if (FireDue()) AwaitContinuations();
    }

    /// <summary>
    /// Lets the continuations of the timers just fired run before time moves on: waits (a bounded while) for the
    /// thread pool to drain, so that a loaded machine does not see the clock run ahead of the code it drives.
    /// </summary>
    private static void AwaitContinuations()
    {
        var deadline = Environment.TickCount64 + 500;
        do Thread.Sleep(1);
        while (ThreadPool.PendingWorkItemCount > 0 && Environment.TickCount64 < deadline);
        Thread.Sleep(1);
    }

    private bool FireDue()
    {
        var fired = false;
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.Due <= _now).OrderBy(t => t.Due).FirstOrDefault();
                if (due is null) return fired;
                if (due.Period > TimeSpan.Zero) due.Due += due.Period;
                else _timers.Remove(due);
            }
            due.Fire();
            fired = true;
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }
        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                Due = owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                owner._timers.Add(this);
            }
            return true;
        }

        public void Dispose()
        {
            lock (owner._gate) owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
