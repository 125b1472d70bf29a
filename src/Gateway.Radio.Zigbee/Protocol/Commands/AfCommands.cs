using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

public static class AfCommands
{
    public const byte RegisterId = 0x00;
    public const byte DataRequestId = 0x01;
    public const byte DataConfirmId = 0x80;
    public const byte IncomingMsgId = 0x81;

    /// <summary>AF option: ask for an APS acknowledgement, so AF_DATA_CONFIRM reports end-to-end delivery.</summary>
    public const byte ApsAckOption = 0x10;

    public const byte DefaultRadius = 30;

    /// <summary>Home Automation profile, which Zigbee 3.0 devices use too.</summary>
    public const ushort HomeAutomationProfile = 0x0104;

    /// <summary>AF_REGISTER: declares an application endpoint on the coordinator with its input and output clusters.</summary>
    public static MtFrame Register(byte endpoint, ushort profileId, ushort deviceId, byte deviceVersion, IReadOnlyList<ushort> inputClusters, IReadOnlyList<ushort> outputClusters, byte latency = 0)
    {
        var data = new byte[9 + 2 * (inputClusters.Count + outputClusters.Count)];
        data[0] = endpoint;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(1), profileId);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(3), deviceId);
        data[5] = deviceVersion;
        data[6] = latency;
        var at = 7;
        data[at++] = checked((byte)inputClusters.Count);
        foreach (var cluster in inputClusters) { BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), cluster); at += 2; }
        data[at++] = checked((byte)outputClusters.Count);
        foreach (var cluster in outputClusters) { BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), cluster); at += 2; }
        return new MtFrame(MtType.Sreq, MtSubsystem.Af, RegisterId, data);
    }

    /// <summary>AF_DATA_REQUEST: sends an application frame to a device's endpoint; AF_DATA_CONFIRM with the same transaction id reports its fate.</summary>
    public static MtFrame DataRequest(ushort destination, byte destinationEndpoint, byte sourceEndpoint, ushort clusterId, byte transactionId, ReadOnlySpan<byte> payload,
        byte options = ApsAckOption, byte radius = DefaultRadius)
    {
        var data = new byte[10 + payload.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, destination);
        data[2] = destinationEndpoint;
        data[3] = sourceEndpoint;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), clusterId);
        data[6] = transactionId;
        data[7] = options;
        data[8] = radius;
        data[9] = checked((byte)payload.Length);
        payload.CopyTo(data.AsSpan(10));
        return new MtFrame(MtType.Sreq, MtSubsystem.Af, DataRequestId, data);
    }
}
