namespace Gateway.Daemon.Gpio;

/// <summary>
/// Drives the status LED: every <see cref="Tick"/> it asks for the state (or the button's override), restarts the
/// pattern when the state changed, and switches the line only when the pattern says on/off changed.
/// </summary>
public sealed class StatusLed(IGpioOutputLine line, TimeProvider time, Func<GatewayLedState> state) : IDisposable
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private ITimer? _timer;
    private GatewayLedState? _override;
    private GatewayLedState? _shown;
    private DateTimeOffset _patternStart;
    private bool? _lit;

    /// <summary>The state on the LED now (null before the first tick).</summary>
    public GatewayLedState? Shown
    {
        get
        {
            lock (_gate) return _shown;
        }
    }

    public void Start() => _timer = time.CreateTimer(_ => Update(), null, TimeSpan.Zero, Tick);

    /// <summary>Shows <paramref name="overriding"/> instead of the gateway's state; null gives the LED back.</summary>
    public void Override(GatewayLedState? overriding)
    {
        lock (_gate) _override = overriding;
        Update();
    }

    public void Update()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var wanted = _override ?? state();
            if (wanted != _shown)
            {
                _shown = wanted;
                _patternStart = now;
            }
            var on = LedPattern.For(wanted).IsOnAt(now - _patternStart);
            if (on == _lit) return;
            try
            {
                line.Set(on);
                _lit = on;
            }
            catch (IOException)
            {
                // A line that cannot be driven now is tried again at the next tick; the LED is no reason to stop.
                _lit = null;
            }
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_lit == true) line.Set(false);
            _lit = false;
        }
    }
}
