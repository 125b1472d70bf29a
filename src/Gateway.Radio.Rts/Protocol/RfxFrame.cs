namespace Gateway.Radio.Rts.Protocol;

/// <summary>
/// One RFXtrx packet: a length byte (the count of bytes after it), the packet type, the subtype, the sequence number
/// and the type's data. The interface answers a command with the same sequence number.
/// </summary>
public sealed record RfxFrame(byte PacketType, byte Subtype, byte Sequence, byte[] Data)
{
    /// <summary>Packet type, subtype and sequence number: the smallest frame the length byte can announce.</summary>
    public const int HeaderLength = 3;

    /// <summary>The longest frame any RFXtrx firmware sends (RAW packets stay below it).</summary>
    public const int MaxLength = 0x40;

    public int WireLength => 1 + HeaderLength + Data.Length;

    public byte[] Encode()
    {
        var bytes = new byte[WireLength];
        Encode(bytes);
        return bytes;
    }

    public int Encode(Span<byte> destination)
    {
        if (HeaderLength + Data.Length > MaxLength) throw new InvalidOperationException($"an RFXtrx frame holds at most {MaxLength} bytes");
        destination[0] = (byte)(HeaderLength + Data.Length);
        destination[1] = PacketType;
        destination[2] = Subtype;
        destination[3] = Sequence;
        Data.CopyTo(destination[4..]);
        return WireLength;
    }

    /// <summary>Reads one whole frame (length byte included); false when the bytes are not one.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out RfxFrame frame)
    {
        frame = null!;
        if (bytes.Length < 1 + HeaderLength || bytes[0] < HeaderLength || bytes[0] > MaxLength || bytes.Length != bytes[0] + 1) return false;
        frame = new RfxFrame(bytes[1], bytes[2], bytes[3], bytes[4..].ToArray());
        return true;
    }

    public override string ToString() => $"{PacketType:X2}/{Subtype:X2} #{Sequence} {Convert.ToHexString(Data)}";
}
