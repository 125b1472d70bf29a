namespace Gateway.Radio.Simulated;

/// <summary>A fault injected into one simulated device: silence, or a slow radio link.</summary>
public sealed record DeviceFault(bool Unreachable, TimeSpan ExtraLatency)
{
    public static readonly DeviceFault None = new(false, TimeSpan.Zero);
}
