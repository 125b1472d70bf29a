namespace Gateway.Engine.Listeners;

public sealed class ListenerOptions
{
    public int MaxListeners { get; set; } = Gateway.Core.Limits.ApiLimits.MaxListeners;

    /// <summary>Listeners one bearer token may hold, so one client cannot take every slot from the others.</summary>
    public int MaxListenersPerToken { get; set; } = Gateway.Core.Limits.ApiLimits.MaxListenersPerToken;

    /// <summary>Events held for one listener between fetches; the oldest go first past it.</summary>
    public int MaxEventsPerListener { get; set; } = 1000;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
