using Gateway.Core.Radio;

namespace Gateway.Daemon.Gpio;

/// <summary>Derives the LED's state from the daemon's own: started or not, the radios, pairing, the cloud link.</summary>
public static class GatewayLedStates
{
    /// <summary>How long a radio may take to come up before the LED calls it an error.</summary>
    public static readonly TimeSpan RadioStartGrace = TimeSpan.FromMinutes(1);

    /// <param name="started">The host has started (API listening).</param>
    /// <param name="sinceStart">Time since the daemon started.</param>
    /// <param name="radios">Every radio's diagnostics.</param>
    /// <param name="cloudConnected">The cloud link: null when no cloud is configured.</param>
    public static GatewayLedState From(bool started, TimeSpan sinceStart, IEnumerable<RadioDiagnostics> radios, bool? cloudConnected)
    {
        if (!started) return GatewayLedState.Starting;
        var all = radios.ToList();
        if (all.Any(r => r.PairingMode)) return GatewayLedState.Pairing;
        if (all.Any(r => !r.Running)) return sinceStart < RadioStartGrace ? GatewayLedState.Starting : GatewayLedState.Error;
        if (cloudConnected == false) return GatewayLedState.CloudDown;
        return GatewayLedState.Healthy;
    }
}
