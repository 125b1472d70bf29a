using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Gpio;

/// <summary>
/// The reset button: a short press (up to <see cref="ShortPressMax"/>) opens pairing on every radio; holding it
/// <see cref="HoldForReset"/> runs the factory reset (the LED shows it is armed after the short-press time and
/// confirms at the reset); letting go in between does nothing. Edges arrive debounced (kernel debounce; a repeated
/// edge in the same direction is ignored).
/// </summary>
public sealed class ResetButton(TimeProvider time, Func<Task> startPairing, Func<Task> factoryReset, Action<GatewayLedState?> showOnLed, ILogger log) : IDisposable
{
    public static readonly TimeSpan ShortPressMax = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan HoldForReset = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(30);

    private readonly Lock _gate = new();
    private bool _pressed;
    private bool _resetting;
    private DateTimeOffset _pressedAt;
    private ITimer? _arming;
    private ITimer? _hold;

    public void OnEdge(bool pressed)
    {
        lock (_gate)
        {
            if (pressed == _pressed || _resetting) return;
            _pressed = pressed;
            if (pressed)
            {
                _pressedAt = time.GetUtcNow();
                _arming = time.CreateTimer(_ => Arming(), null, ShortPressMax, Timeout.InfiniteTimeSpan);
                _hold = time.CreateTimer(_ => HoldReached(), null, HoldForReset, Timeout.InfiniteTimeSpan);
                return;
            }
            StopTimers();
            var held = time.GetUtcNow() - _pressedAt;
            if (held > ShortPressMax)
            {
                log.LogInformation("Reset button released after {Seconds:0.0} s: no factory reset (hold {Hold} s for it)", held.TotalSeconds, HoldForReset.TotalSeconds);
                showOnLed(null);
                return;
            }
        }
        log.LogInformation("Reset button pressed: pairing opens on every radio for {Minutes} minutes", Admin.AdminPairing.DefaultDuration.TotalMinutes);
        _ = RunAsync(startPairing, "opening pairing");
    }

    private void Arming()
    {
        lock (_gate)
            if (!_pressed || _resetting) return;
        showOnLed(GatewayLedState.ResetArming);
    }

    private void HoldReached()
    {
        lock (_gate)
        {
            if (!_pressed || _resetting) return;
            _resetting = true;
            StopTimers();
        }
        log.LogWarning("Reset button held {Seconds} s: factory reset", HoldForReset.TotalSeconds);
        showOnLed(GatewayLedState.ResetConfirmed);
        _ = RunAsync(factoryReset, "the factory reset");
    }

    private async Task RunAsync(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Reset button: {What} failed", what);
        }
    }

    private void StopTimers()
    {
        _arming?.Dispose();
        _hold?.Dispose();
        _arming = _hold = null;
    }

    public void Dispose()
    {
        lock (_gate) StopTimers();
    }
}
