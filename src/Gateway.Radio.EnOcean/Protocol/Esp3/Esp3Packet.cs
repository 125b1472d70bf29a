using System.Buffers.Binary;

namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>
/// One ESP3 packet. On the wire:
/// <c>0x55 | data length (2, big endian) | optional length (1) | packet type (1) | CRC8(header) | data | optional data | CRC8(data + optional)</c>.
/// </summary>
public sealed record Esp3Packet(byte PacketType, byte[] Data, byte[] OptionalData)
{
    public const byte SyncByte = 0x55;

    /// <summary>Sync byte, 4 header bytes and the header CRC.</summary>
    public const int HeaderSize = 6;

    /// <summary>Bytes of framing around data and optional data: header (with sync and CRC) plus the data CRC.</summary>
    public const int FramingOverhead = HeaderSize + 1;

    /// <summary>Size of the encoded frame.</summary>
    public int EncodedLength => FramingOverhead + Data.Length + OptionalData.Length;

    /// <summary>The whole frame, ready for the serial line.</summary>
    /// <exception cref="InvalidOperationException">Data longer than 65535 bytes or optional data longer than 255 bytes.</exception>
    public byte[] Encode()
    {
        var frame = new byte[EncodedLength];
        EncodeTo(frame);
        return frame;
    }

    /// <summary>Writes the frame into <paramref name="destination"/> and returns the number of bytes written.</summary>
    public int EncodeTo(Span<byte> destination)
    {
        if (Data.Length > ushort.MaxValue) throw new InvalidOperationException("ESP3 data is limited to 65535 bytes.");
        if (OptionalData.Length > byte.MaxValue) throw new InvalidOperationException("ESP3 optional data is limited to 255 bytes.");
        var length = EncodedLength;
        if (destination.Length < length) throw new ArgumentException("Destination too small.", nameof(destination));

        destination[0] = SyncByte;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)Data.Length);
        destination[3] = (byte)OptionalData.Length;
        destination[4] = PacketType;
        destination[5] = Esp3Crc8.Compute(destination.Slice(1, 4));
        Data.CopyTo(destination[HeaderSize..]);
        OptionalData.CopyTo(destination[(HeaderSize + Data.Length)..]);
        destination[length - 1] = Esp3Crc8.Compute(destination[HeaderSize..(length - 1)]);
        return length;
    }

    public override string ToString() =>
        $"Esp3Packet {{ Type = 0x{PacketType:X2}, Data = {Convert.ToHexString(Data)}, Optional = {Convert.ToHexString(OptionalData)} }}";
}
