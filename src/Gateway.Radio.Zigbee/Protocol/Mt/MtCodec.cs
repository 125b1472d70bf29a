namespace Gateway.Radio.Zigbee.Protocol.Mt;

/// <summary>Pure MT framing functions over spans; no allocation except the decoded frame's data.</summary>
public static class MtCodec
{
    public static byte Cmd0(MtType type, MtSubsystem subsystem) => (byte)(((byte)type << 5) | ((byte)subsystem & 0x1F));

    public static MtType TypeOf(byte cmd0) => (MtType)(cmd0 >> 5);

    public static MtSubsystem SubsystemOf(byte cmd0) => (MtSubsystem)(cmd0 & 0x1F);

    /// <summary>XOR of every byte given (for a frame: LEN, CMD0, CMD1 and the data).</summary>
    public static byte Fcs(ReadOnlySpan<byte> bytes)
    {
        byte fcs = 0;
        foreach (var b in bytes) fcs ^= b;
        return fcs;
    }

    /// <summary>Writes a whole frame into <paramref name="destination"/>; returns its length.</summary>
    public static int Encode(MtType type, MtSubsystem subsystem, byte command, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (data.Length > MtFrame.MaxDataLength) throw new ArgumentException($"MT data is at most {MtFrame.MaxDataLength} bytes", nameof(data));
        var length = MtFrame.Overhead + data.Length;
        if (destination.Length < length) throw new ArgumentException("destination too small", nameof(destination));
        destination[0] = MtFrame.StartOfFrame;
        destination[1] = (byte)data.Length;
        destination[2] = Cmd0(type, subsystem);
        destination[3] = command;
        data.CopyTo(destination[4..]);
        destination[length - 1] = Fcs(destination[1..(length - 1)]);
        return length;
    }

    /// <summary>
    /// Decodes the frame that starts at <paramref name="bytes"/>[0]. <see cref="MtDecodeResult.NeedMoreBytes"/> when
    /// it is not complete yet; any other failure names what was wrong.
    /// </summary>
    public static MtDecodeResult TryDecode(ReadOnlySpan<byte> bytes, out MtFrame? frame, out int consumed)
    {
        frame = null;
        consumed = 0;
        if (bytes.IsEmpty) return MtDecodeResult.NeedMoreBytes;
        if (bytes[0] != MtFrame.StartOfFrame) return MtDecodeResult.NoStartOfFrame;
        if (bytes.Length < 2) return MtDecodeResult.NeedMoreBytes;
        int dataLength = bytes[1];
        if (dataLength > MtFrame.MaxDataLength) return MtDecodeResult.BadLength;
        var length = MtFrame.Overhead + dataLength;
        if (bytes.Length < length) return MtDecodeResult.NeedMoreBytes;
        if (Fcs(bytes[1..(length - 1)]) != bytes[length - 1]) return MtDecodeResult.BadFcs;
        frame = new MtFrame(TypeOf(bytes[2]), SubsystemOf(bytes[2]), bytes[3], bytes.Slice(4, dataLength).ToArray());
        consumed = length;
        return MtDecodeResult.Frame;
    }
}
