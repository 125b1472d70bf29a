using System.Buffers.Binary;

namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>MemoryGetId response: the network's home id and the controller's own node id.</summary>
public sealed record MemoryId(uint HomeId, byte NodeId)
{
    public static MemoryId? Parse(ReadOnlySpan<byte> payload) => payload.Length < 5 ? null : new(BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4]);

    public byte[] Encode()
    {
        var bytes = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, HomeId);
        bytes[4] = NodeId;
        return bytes;
    }
}
