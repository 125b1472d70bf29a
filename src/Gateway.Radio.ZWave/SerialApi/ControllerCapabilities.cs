namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>GetControllerCapabilities response flags.</summary>
public sealed record ControllerCapabilities(byte Flags)
{
    public bool IsSecondary => (Flags & 0x01) != 0;
    public bool IsOnOtherNetwork => (Flags & 0x02) != 0;
    public bool SisPresent => (Flags & 0x04) != 0;
    public bool WasRealPrimary => (Flags & 0x08) != 0;
    public bool IsSuc => (Flags & 0x10) != 0;

    public static ControllerCapabilities? Parse(ReadOnlySpan<byte> payload) => payload.Length < 1 ? null : new(payload[0]);
}
