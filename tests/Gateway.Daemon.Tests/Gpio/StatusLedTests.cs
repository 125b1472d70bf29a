using Gateway.TestSupport;
using Gateway.Daemon.Gpio;

namespace Gateway.Daemon.Tests.Gpio;

public class StatusLedTests
{
    private readonly ManualClock _clock = new();
    private GatewayLedState _state = GatewayLedState.Starting;

    private (FakeGpioChip Chip, StatusLed Led) Started()
    {
        var chip = new FakeGpioChip(_clock);
        var line = chip.RequestOutput(17, initial: false);
        chip.LedChanges.Clear();
        var led = new StatusLed(line, _clock, () => _state);
        led.Start();
        return (chip, led);
    }

    /// <summary>How often the LED switched after <paramref name="from"/>, up to and including <paramref name="to"/>.</summary>
    private static int Switches(FakeGpioChip chip, DateTimeOffset from, DateTimeOffset to) =>
        chip.LedChanges.Count(c => c.At > from && c.At <= to);

    [Fact]
    public void Starting_blinks_every_half_second_then_healthy_holds_the_led_steadily_on()
    {
        var (chip, led) = Started();
        var start = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(2));

        var starting = chip.LedChanges;
        Assert.Equal(new[] { true, false, true, false, true }, starting.Select(c => c.On));
        Assert.Equal(new[] { 0.0, 500, 1000, 1500, 2000 }, starting.Select(c => (c.At - start).TotalMilliseconds));

        _state = GatewayLedState.Healthy;
        var healthyFrom = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(chip.LedOn);
        Assert.True(Switches(chip, healthyFrom, _clock.GetUtcNow()) <= 1);
        Assert.Equal(GatewayLedState.Healthy, led.Shown);
    }

    [Fact]
    public void Pairing_cloud_down_and_error_are_told_apart_by_how_often_the_led_switches()
    {
        var (chip, _) = Started();
        var counts = new Dictionary<GatewayLedState, int>();
        foreach (var state in new[] { GatewayLedState.Pairing, GatewayLedState.CloudDown, GatewayLedState.Error })
        {
            _state = state;
            _clock.Advance(StatusLed.Tick);
            var from = _clock.GetUtcNow();
            _clock.Advance(TimeSpan.FromSeconds(4));
            counts[state] = Switches(chip, from, _clock.GetUtcNow());
        }

        Assert.Equal(32, counts[GatewayLedState.Pairing]); // 125 ms on, 125 ms off
        Assert.Equal(8, counts[GatewayLedState.CloudDown]); // a double flash every 2 s
        Assert.Equal(4, counts[GatewayLedState.Error]); // a short flash every 2 s
    }

    [Fact]
    public void An_override_wins_over_the_gateway_state_until_it_is_given_back()
    {
        _state = GatewayLedState.Healthy;
        var (chip, led) = Started();
        _clock.Advance(TimeSpan.FromSeconds(1));

        led.Override(GatewayLedState.ResetConfirmed);
        var from = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(GatewayLedState.ResetConfirmed, led.Shown);
        Assert.Equal(20, Switches(chip, from, _clock.GetUtcNow()));

        led.Override(null);
        _clock.Advance(StatusLed.Tick);
        Assert.Equal(GatewayLedState.Healthy, led.Shown);
        Assert.True(chip.LedOn);
    }

    [Fact]
    public void Stopping_switches_the_led_off()
    {
        _state = GatewayLedState.Healthy;
        var (chip, led) = Started();
        _clock.Advance(TimeSpan.FromSeconds(1));

        led.Dispose();

        Assert.False(chip.LedOn);
    }

    [Fact]
    public void Every_state_has_its_own_pattern()
    {
        var patterns = Enum.GetValues<GatewayLedState>()
            .Select(s => string.Join(',', LedPattern.For(s).Steps.Select(step => step.TotalMilliseconds)))
            .ToList();

        Assert.Equal(patterns.Count, patterns.Distinct().Count());
        Assert.All(patterns, p => Assert.NotEmpty(p));
    }
}
