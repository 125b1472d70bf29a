using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

public static class ZdoCommands
{
    public const byte NodeDescReqId = 0x02;
    public const byte SimpleDescReqId = 0x04;
    public const byte ActiveEpReqId = 0x05;
    public const byte BindReqId = 0x21;
    public const byte BindRspId = 0xA1;
    public const byte MgmtLeaveReqId = 0x34;
    public const byte NodeDescRspId = 0x82;
    public const byte SimpleDescRspId = 0x84;
    public const byte ActiveEpRspId = 0x85;
    public const byte MgmtLeaveRspId = 0xB4;
    public const byte LeaveIndId = 0xC9;
    public const byte TcDeviceIndId = 0xCA;
    public const byte MgmtPermitJoinReqId = 0x36;
    public const byte MgmtPermitJoinRspId = 0xB6;
    public const byte StartupFromAppId = 0x40;
    public const byte ExtNwkInfoId = 0x50;
    public const byte StateChangeIndId = 0xC0;
    public const byte EndDeviceAnnceIndId = 0xC1;

    /// <summary>Address mode of a broadcast; with <see cref="AllRoutersAndCoordinator"/> it opens the whole network.</summary>
    public const byte AddressModeBroadcast = 0x0F;
    public const byte AddressModeShort = 0x02;
    public const ushort AllRoutersAndCoordinator = 0xFFFC;

    /// <summary>ZDO_STARTUP_FROM_APP: starts the stack (forming or resuming the network the NV items describe).</summary>
    public static MtFrame StartupFromApp(ushort startDelayMilliseconds = 100)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(data, startDelayMilliseconds);
        return new MtFrame(MtType.Sreq, MtSubsystem.Zdo, StartupFromAppId, data);
    }

    public static StartupResult? ParseStartupResult(MtFrame response) =>
        response.Is(MtType.Srsp, MtSubsystem.Zdo, StartupFromAppId) && response.Data.Length >= 1 ? (StartupResult)response.Data[0] : null;

    public static MtFrame StartupResponse(StartupResult result) => new(MtType.Srsp, MtSubsystem.Zdo, StartupFromAppId, [(byte)result]);

    /// <summary>ZDO_MGMT_PERMIT_JOIN_REQ: opens (duration in seconds, 0xFF = until closed) or closes (0) joining.</summary>
    public static MtFrame PermitJoin(byte durationSeconds, byte addressMode = AddressModeBroadcast, ushort destination = AllRoutersAndCoordinator, bool trustCenterSignificance = true)
    {
        var data = new byte[5];
        data[0] = addressMode;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(1), destination);
        data[3] = durationSeconds;
        data[4] = trustCenterSignificance ? (byte)1 : (byte)0;
        return new MtFrame(MtType.Sreq, MtSubsystem.Zdo, MgmtPermitJoinReqId, data);
    }

    /// <summary>ZDO_EXT_NWK_INFO: the running network's parameters (see <see cref="ExtendedNetworkInfo"/>).</summary>
    public static MtFrame ExtNwkInfo() => new(MtType.Sreq, MtSubsystem.Zdo, ExtNwkInfoId, []);

    /// <summary>ZDO_NODE_DESC_REQ: answered by ZDO_NODE_DESC_RSP from the device.</summary>
    public static MtFrame NodeDescriptorRequest(ushort networkAddress) => AddressedRequest(NodeDescReqId, networkAddress);

    /// <summary>ZDO_ACTIVE_EP_REQ: answered by ZDO_ACTIVE_EP_RSP.</summary>
    public static MtFrame ActiveEndpointsRequest(ushort networkAddress) => AddressedRequest(ActiveEpReqId, networkAddress);

    /// <summary>ZDO_SIMPLE_DESC_REQ: answered by ZDO_SIMPLE_DESC_RSP.</summary>
    public static MtFrame SimpleDescriptorRequest(ushort networkAddress, byte endpoint)
    {
        var data = new byte[5];
        BinaryPrimitives.WriteUInt16LittleEndian(data, networkAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), networkAddress);
        data[4] = endpoint;
        return new MtFrame(MtType.Sreq, MtSubsystem.Zdo, SimpleDescReqId, data);
    }

    /// <summary>ZDO_BIND_REQ: binds a cluster of a device's endpoint to the coordinator's endpoint (64-bit destination), so reports reach it.</summary>
    public static MtFrame BindRequest(ushort networkAddress, ulong sourceIeee, byte sourceEndpoint, ushort clusterId, ulong destinationIeee, byte destinationEndpoint)
    {
        var data = new byte[23];
        BinaryPrimitives.WriteUInt16LittleEndian(data, networkAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(2), sourceIeee);
        data[10] = sourceEndpoint;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(11), clusterId);
        data[13] = 0x03; // 64-bit address mode
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(14), destinationIeee);
        data[22] = destinationEndpoint;
        return new MtFrame(MtType.Sreq, MtSubsystem.Zdo, BindReqId, data);
    }

    /// <summary>ZDO_MGMT_LEAVE_REQ: asks the device to leave the network (no rejoin, children kept).</summary>
    public static MtFrame MgmtLeaveRequest(ushort networkAddress, ulong ieee)
    {
        var data = new byte[11];
        BinaryPrimitives.WriteUInt16LittleEndian(data, networkAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(2), ieee);
        data[10] = 0;
        return new MtFrame(MtType.Sreq, MtSubsystem.Zdo, MgmtLeaveReqId, data);
    }

    /// <summary>The source address and status every ZDO response AREQ starts with, when <paramref name="frame"/> is one of <paramref name="command"/>.</summary>
    public static (ushort Source, byte Status)? ResponseHeader(MtFrame frame, byte command) =>
        frame.Is(MtType.Areq, MtSubsystem.Zdo, command) && frame.Data.Length >= 3 ? (BinaryPrimitives.ReadUInt16LittleEndian(frame.Data), frame.Data[2]) : null;

    private static MtFrame AddressedRequest(byte command, ushort networkAddress)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(data, networkAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), networkAddress);
        return new MtFrame(MtType.Sreq, MtSubsystem.Zdo, command, data);
    }

    public static ZdoState? ParseStateChange(MtFrame frame) =>
        frame.Is(MtType.Areq, MtSubsystem.Zdo, StateChangeIndId) && frame.Data.Length >= 1 ? (ZdoState)frame.Data[0] : null;

    public static MtFrame StateChange(ZdoState state) => new(MtType.Areq, MtSubsystem.Zdo, StateChangeIndId, [(byte)state]);
}
