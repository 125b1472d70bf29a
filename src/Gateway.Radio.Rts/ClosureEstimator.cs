namespace Gateway.Radio.Rts;

/// <summary>
/// Where a one-way RTS motor probably is: from its last estimate, the direction it was sent and the time since,
/// given the travel durations the user measured (0 = open, 100 = closed). Without durations only the ends are known
/// (after a full open or close); a stop half-way then leaves the position unknown.
/// </summary>
public sealed class ClosureEstimator(TimeProvider time)
{
    private readonly Lock _gate = new();
    private double? _closure;
    private int _direction;
    private long _startedAt;

    public TimeSpan? OpeningDuration { get; private set; }
    public TimeSpan? ClosingDuration { get; private set; }

    /// <summary>The position of the "my" button, when the user told the gateway.</summary>
    public int? MyPosition { get; set; }

    public bool HasDurations => OpeningDuration is not null && ClosingDuration is not null;

    public void SetDurations(TimeSpan opening, TimeSpan closing)
    {
        lock (_gate)
        {
            _closure = CurrentLocked();
            _startedAt = time.GetTimestamp();
            OpeningDuration = opening;
            ClosingDuration = closing;
        }
    }

    /// <summary>A stored estimate after a restart (the motor is taken to be still).</summary>
    public void Restore(double? closure)
    {
        lock (_gate)
        {
            _closure = closure;
            _direction = 0;
        }
    }

    /// <summary>The estimate now, rounded to a whole percent; null when unknown.</summary>
    public int? Current()
    {
        lock (_gate) return CurrentLocked() is { } c ? (int)Math.Round(c) : null;
    }

    /// <summary>True while the motor was sent moving and has not reached the end yet by the durations (or, without them, by its run time).</summary>
    public bool IsMoving
    {
        get { lock (_gate) return IsMovingLocked(); }
    }

    /// <summary>The motor was sent towards open (-1) or closed (+1) at full travel.</summary>
    public void Start(int direction)
    {
        lock (_gate)
        {
            _closure = CurrentLocked();
            _direction = direction;
            _startedAt = time.GetTimestamp();
        }
    }

    /// <summary>The motor was stopped; returns where it stopped (null when unknown).</summary>
    public int? Stop()
    {
        lock (_gate)
        {
            var c = _direction != 0 && Travel(_direction) is null && IsMovingLocked() ? null : CurrentLocked();
            _closure = c;
            _direction = 0;
            return c is { } v ? (int)Math.Round(v) : null;
        }
    }

    /// <summary>The motor went to its "my" position from standstill.</summary>
    public int? GoToMy()
    {
        lock (_gate)
        {
            _closure = MyPosition;
            _direction = 0;
            return MyPosition;
        }
    }

    /// <summary>Where the motor ends after a full move in <paramref name="direction"/>.</summary>
    public static int EndOf(int direction) => direction < 0 ? 0 : 100;

    /// <summary>How long moving from the current estimate to <paramref name="target"/> takes; null when it cannot be told.</summary>
    public TimeSpan? TimeTo(int target, out int direction)
    {
        lock (_gate)
        {
            var from = CurrentLocked();
            direction = from is { } f && target < f ? -1 : 1;
            if (from is null || Travel(direction) is not { } travel) return null;
            return travel * (Math.Abs(target - from.Value) / 100.0);
        }
    }

    /// <summary>RTS motors cut their own power after a few minutes at the latest.</summary>
    private static readonly TimeSpan MaxRun = TimeSpan.FromMinutes(3);

    private bool IsMovingLocked()
    {
        if (_direction == 0) return false;
        if (Travel(_direction) is null) return time.GetElapsedTime(_startedAt) < MaxRun;
        return CurrentLocked() != EndOf(_direction);
    }

    private double? CurrentLocked()
    {
        if (_direction == 0) return _closure;
        var end = EndOf(_direction);
        // Without durations the motor is taken to be at the end it was sent to.
        if (Travel(_direction) is not { } travel || travel <= TimeSpan.Zero) return end;
        var elapsed = time.GetElapsedTime(_startedAt);
        if (_closure is not { } start) return elapsed >= travel ? end : null;
        return Math.Clamp(start + _direction * (elapsed / travel) * 100, 0, 100);
    }

    private TimeSpan? Travel(int direction) => direction < 0 ? OpeningDuration : ClosingDuration;
}
