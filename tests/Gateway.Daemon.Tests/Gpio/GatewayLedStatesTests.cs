using Gateway.Core.Radio;
using Gateway.Daemon.Gpio;

namespace Gateway.Daemon.Tests.Gpio;

public class GatewayLedStatesTests
{
    private static readonly TimeSpan Up = TimeSpan.FromMinutes(5);

    private static RadioDiagnostics Radio(bool running = true, bool pairing = false) =>
        new("enocean", running, pairing, new Dictionary<string, long>());

    [Fact]
    public void Before_the_host_has_started_the_gateway_is_starting() =>
        Assert.Equal(GatewayLedState.Starting, GatewayLedStates.From(false, Up, [Radio()], true));

    [Fact]
    public void Everything_up_is_healthy_with_or_without_a_cloud()
    {
        Assert.Equal(GatewayLedState.Healthy, GatewayLedStates.From(true, Up, [Radio(), Radio()], true));
        Assert.Equal(GatewayLedState.Healthy, GatewayLedStates.From(true, Up, [Radio()], null));
    }

    [Fact]
    public void A_radio_in_pairing_mode_shows_pairing_even_with_the_cloud_down() =>
        Assert.Equal(GatewayLedState.Pairing, GatewayLedStates.From(true, Up, [Radio(), Radio(pairing: true)], false));

    [Fact]
    public void A_radio_still_down_after_the_grace_is_an_error_and_before_it_still_starting()
    {
        Assert.Equal(GatewayLedState.Starting, GatewayLedStates.From(true, TimeSpan.FromSeconds(10), [Radio(running: false)], true));
        Assert.Equal(GatewayLedState.Error, GatewayLedStates.From(true, Up, [Radio(running: false)], true));
    }

    [Fact]
    public void A_configured_cloud_that_is_not_connected_is_cloud_down() =>
        Assert.Equal(GatewayLedState.CloudDown, GatewayLedStates.From(true, Up, [Radio()], false));
}
