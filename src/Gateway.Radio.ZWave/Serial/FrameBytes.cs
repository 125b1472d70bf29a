namespace Gateway.Radio.ZWave.Serial;

/// <summary>The Serial API's single-byte symbols and data-frame bounds.</summary>
public static class FrameBytes
{
    public const byte Sof = 0x01;
    public const byte Ack = 0x06;
    public const byte Nak = 0x15;
    public const byte Can = 0x18;

    /// <summary>LEN counts type, function id, payload and checksum: at least 3.</summary>
    public const int MinLength = 3;
}
