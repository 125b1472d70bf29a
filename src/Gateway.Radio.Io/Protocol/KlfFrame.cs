using System.Buffers.Binary;

namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// One KLF-200 API frame before SLIP: ProtocolID 0x00, length (command + data + checksum), command (2 bytes big
/// endian), data, and the XOR of every byte before it.
/// </summary>
public sealed record KlfFrame(ushort Command, byte[] Data)
{
    public const byte ProtocolId = 0x00;

    /// <summary>The length byte counts command, data and checksum, so data is at most 252 bytes.</summary>
    public const int MaxDataLength = 255 - 3;

    public static KlfFrame Of(ushort command, params byte[] data) => new(command, data);

    /// <summary>Bytes before SLIP: protocol, length, command, data, checksum.</summary>
    public byte[] ToRaw()
    {
        if (Data.Length > MaxDataLength) throw new ArgumentException($"a KLF-200 frame carries at most {MaxDataLength} data bytes");
        var raw = new byte[Data.Length + 5];
        raw[0] = ProtocolId;
        raw[1] = (byte)(Data.Length + 3);
        BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(2), Command);
        Data.CopyTo(raw, 4);
        raw[^1] = Checksum(raw.AsSpan(0, raw.Length - 1));
        return raw;
    }

    /// <summary>The frame as it goes on the wire: SLIP-encoded between two END bytes.</summary>
    public byte[] ToWire() => Slip.Encode(ToRaw());

    public static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (var b in bytes) sum ^= b;
        return sum;
    }

    /// <summary>Checks protocol, length and checksum of one unescaped frame.</summary>
    public static KlfFrameError TryParse(ReadOnlySpan<byte> raw, out KlfFrame? frame)
    {
        frame = null;
        if (raw.Length < 5) return KlfFrameError.TooShort;
        if (raw[0] != ProtocolId) return KlfFrameError.WrongProtocol;
        if (raw[1] != raw.Length - 2) return KlfFrameError.WrongLength;
        if (Checksum(raw[..^1]) != raw[^1]) return KlfFrameError.WrongChecksum;
        frame = new KlfFrame(BinaryPrimitives.ReadUInt16BigEndian(raw[2..]), raw[4..^1].ToArray());
        return KlfFrameError.None;
    }

    public override string ToString() => $"0x{Command:X4} [{Convert.ToHexString(Data)}]";
}
