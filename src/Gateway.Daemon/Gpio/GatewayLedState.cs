namespace Gateway.Daemon.Gpio;

/// <summary>What the status LED shows, from most to least urgent after the button's own feedback.</summary>
public enum GatewayLedState
{
    Starting,
    Healthy,
    Pairing,
    CloudDown,
    Error,

    /// <summary>The button is held past a short press: let go now to cancel, keep holding to reset.</summary>
    ResetArming,

    /// <summary>The 10-second hold was reached: the factory reset runs.</summary>
    ResetConfirmed,
}
