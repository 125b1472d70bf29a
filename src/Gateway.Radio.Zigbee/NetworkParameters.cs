using System.Security.Cryptography;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// What a network is formed with: PAN ID, extended PAN ID, channel and network key (random for a new network, or from
/// a backup, which also carries the frame counter to continue from).
/// </summary>
public sealed record NetworkParameters(ushort PanId, ulong ExtendedPanId, int Channel, byte[] NetworkKey)
{
    /// <summary>The outgoing NWK frame counter to start from (a restored backup); null for a new network.</summary>
    public uint? FrameCounter { get; init; }

    public static NetworkParameters Random(int channel)
    {
        if (channel is < 11 or > 26) throw new ArgumentOutOfRangeException(nameof(channel), "Zigbee channels are 11 to 26");
        // 0x0000 and 0xFFF8 and above are reserved or broadcast-like PAN IDs.
        var panId = (ushort)RandomNumberGenerator.GetInt32(0x0001, 0xFFF7);
        var extended = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        return new NetworkParameters(panId, extended, channel, RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>The channel as the 32-bit channel mask ZCD_NV_CHANLIST holds.</summary>
    public uint ChannelMask => 1u << Channel;

    /// <summary>Same PAN ID, extended PAN ID, channel and key (the frame counter moves on and is not compared).</summary>
    public bool SameNetworkAs(NetworkParameters other) =>
        PanId == other.PanId && ExtendedPanId == other.ExtendedPanId && Channel == other.Channel && NetworkKey.AsSpan().SequenceEqual(other.NetworkKey);
}
