using Gateway.TestSupport;
using Gateway.Daemon.Gpio;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Daemon.Tests.Gpio;

public class ResetButtonTests
{
    private readonly ManualClock _clock = new();
    private readonly List<GatewayLedState?> _led = [];
    private int _pairings;
    private int _resets;

    private ResetButton Button() => new(_clock,
        () => { Interlocked.Increment(ref _pairings); return Task.CompletedTask; },
        () => { Interlocked.Increment(ref _resets); return Task.CompletedTask; },
        _led.Add, NullLogger.Instance);

    private void Hold(ResetButton button, TimeSpan duration)
    {
        button.OnEdge(true);
        _clock.Advance(duration);
        button.OnEdge(false);
    }

    [Fact]
    public void A_short_press_opens_pairing_and_does_not_reset()
    {
        using var button = Button();

        Hold(button, TimeSpan.FromMilliseconds(300));

        Assert.Equal(1, _pairings);
        Assert.Equal(0, _resets);
        Assert.Empty(_led);
    }

    [Fact]
    public void Holding_ten_seconds_resets_with_the_led_showing_armed_then_confirmed_and_the_release_does_not_pair()
    {
        using var button = Button();

        button.OnEdge(true);
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(new GatewayLedState?[] { GatewayLedState.ResetArming }, _led);
        Assert.Equal(0, _resets);
        _clock.Advance(TimeSpan.FromSeconds(7));
        button.OnEdge(false);

        Assert.Equal(1, _resets);
        Assert.Equal(0, _pairings);
        Assert.Equal(new GatewayLedState?[] { GatewayLedState.ResetArming, GatewayLedState.ResetConfirmed }, _led);
    }

    [Fact]
    public void Letting_go_between_a_short_press_and_ten_seconds_does_nothing_and_gives_the_led_back()
    {
        using var button = Button();

        Hold(button, TimeSpan.FromSeconds(6));
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, _pairings);
        Assert.Equal(0, _resets);
        Assert.Equal(new GatewayLedState?[] { GatewayLedState.ResetArming, null }, _led);
    }

    [Fact]
    public void A_repeated_edge_in_the_same_direction_is_ignored_and_the_hold_counts_from_the_first_press()
    {
        using var button = Button();

        button.OnEdge(true);
        _clock.Advance(TimeSpan.FromSeconds(5));
        button.OnEdge(true);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, _resets);
        button.OnEdge(false);
        button.OnEdge(false);
        Assert.Equal(0, _pairings);
    }

    [Fact]
    public void Presses_after_a_reset_started_are_ignored()
    {
        using var button = Button();
        button.OnEdge(true);
        _clock.Advance(ResetButton.HoldForReset);
        button.OnEdge(false);

        Hold(button, TimeSpan.FromMilliseconds(200));
        Hold(button, ResetButton.HoldForReset);

        Assert.Equal(1, _resets);
        Assert.Equal(0, _pairings);
    }
}
