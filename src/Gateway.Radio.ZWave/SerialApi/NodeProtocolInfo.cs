namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// GetNodeProtocolInfo response: capability byte (bit 7 listening, bit 6 routing), security byte (bit 6/5 FLiRS,
/// bit 0 security), a reserved byte, then the basic, generic and specific device classes.
/// </summary>
public sealed record NodeProtocolInfo(byte Capability, byte Security, byte Basic, byte Generic, byte Specific)
{
    public bool IsListening => (Capability & 0x80) != 0;
    public bool IsRouting => (Capability & 0x40) != 0;
    public bool IsFrequentListening => (Security & 0x60) != 0;

    /// <summary>A node id the controller does not know answers with generic class 0.</summary>
    public bool Exists => Generic != 0;

    public static NodeProtocolInfo? Parse(ReadOnlySpan<byte> payload) => payload.Length < 6 ? null : new(payload[0], payload[1], payload[3], payload[4], payload[5]);

    public byte[] Encode() => [Capability, Security, 0x00, Basic, Generic, Specific];
}
