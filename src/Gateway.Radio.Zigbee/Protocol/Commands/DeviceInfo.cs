using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>UTIL_GET_DEVICE_INFO SRSP: the coordinator's own IEEE and network address, its state and its direct children.</summary>
public sealed record DeviceInfo(byte Status, ulong IeeeAddress, ushort NetworkAddress, byte DeviceTypes, ZdoState State, IReadOnlyList<ushort> AssociatedDevices)
{
    public static DeviceInfo? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Srsp, MtSubsystem.Util, UtilCommands.GetDeviceInfoId) || frame.Data.Length < 14) return null;
        var d = frame.Data.AsSpan();
        var count = Math.Min((int)d[13], (d.Length - 14) / 2);
        var children = new ushort[count];
        for (var i = 0; i < count; i++) children[i] = BinaryPrimitives.ReadUInt16LittleEndian(d[(14 + 2 * i)..]);
        return new DeviceInfo(d[0], BinaryPrimitives.ReadUInt64LittleEndian(d[1..]), BinaryPrimitives.ReadUInt16LittleEndian(d[9..]), d[11], (ZdoState)d[12], children);
    }

    public MtFrame ToFrame()
    {
        var data = new byte[14 + 2 * AssociatedDevices.Count];
        data[0] = Status;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(1), IeeeAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(9), NetworkAddress);
        data[11] = DeviceTypes;
        data[12] = (byte)State;
        data[13] = (byte)AssociatedDevices.Count;
        for (var i = 0; i < AssociatedDevices.Count; i++) BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(14 + 2 * i), AssociatedDevices[i]);
        return new MtFrame(MtType.Srsp, MtSubsystem.Util, UtilCommands.GetDeviceInfoId, data);
    }
}
