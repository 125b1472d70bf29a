namespace Gateway.Engine.Listeners;

public sealed class ListenerOptions
{
    public int MaxListeners { get; set; } = 64;

    /// <summary>Events held for one listener between fetches; the oldest go first past it.</summary>
    public int MaxEventsPerListener { get; set; } = 1000;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
