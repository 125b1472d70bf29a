using System.Security.Cryptography;

namespace Gateway.Radio.Zigbee;

/// <summary>What a new network is formed with: random PAN ID, extended PAN ID and network key, and the configured channel.</summary>
public sealed record NetworkParameters(ushort PanId, ulong ExtendedPanId, int Channel, byte[] NetworkKey)
{
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
}
