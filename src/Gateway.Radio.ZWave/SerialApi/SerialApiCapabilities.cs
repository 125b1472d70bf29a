using System.Buffers.Binary;

namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>GetSerialApiCapabilities response: firmware version, manufacturer/product ids, supported function ids.</summary>
public sealed record SerialApiCapabilities(byte FirmwareVersion, byte FirmwareRevision, ushort ManufacturerId, ushort ProductType, ushort ProductId, byte[] FunctionBitmask)
{
    public bool Supports(byte functionId) =>
        functionId > 0 && (functionId - 1) / 8 < FunctionBitmask.Length && (FunctionBitmask[(functionId - 1) / 8] & (1 << ((functionId - 1) % 8))) != 0;

    public static SerialApiCapabilities? Parse(ReadOnlySpan<byte> payload) => payload.Length < 8 ? null : new(
        payload[0], payload[1], BinaryPrimitives.ReadUInt16BigEndian(payload[2..]), BinaryPrimitives.ReadUInt16BigEndian(payload[4..]),
        BinaryPrimitives.ReadUInt16BigEndian(payload[6..]), payload[8..].ToArray());

    public byte[] Encode()
    {
        var bytes = new byte[8 + FunctionBitmask.Length];
        bytes[0] = FirmwareVersion;
        bytes[1] = FirmwareRevision;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), ManufacturerId);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), ProductType);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(6), ProductId);
        FunctionBitmask.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>A 32-byte bitmask with the given function ids set.</summary>
    public static byte[] BitmaskOf(IEnumerable<byte> functionIds)
    {
        var mask = new byte[32];
        foreach (var id in functionIds) mask[(id - 1) / 8] |= (byte)(1 << ((id - 1) % 8));
        return mask;
    }
}
