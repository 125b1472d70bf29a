namespace Gateway.Radio.ZWave.Serial;

/// <summary>What one byte fed to the <see cref="SerialFrameReader"/> completed.</summary>
public enum ReadEvent
{
    None,
    Ack,
    Nak,
    Can,

    /// <summary>A data frame with a good checksum: the host answers ACK.</summary>
    Frame,

    /// <summary>A complete data frame whose checksum or type is wrong: the host answers NAK.</summary>
    BadFrame,
}
