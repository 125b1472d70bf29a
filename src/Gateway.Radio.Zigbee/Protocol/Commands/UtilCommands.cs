using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

public static class UtilCommands
{
    public const byte GetDeviceInfoId = 0x00;

    public static MtFrame GetDeviceInfo() => new(MtType.Sreq, MtSubsystem.Util, GetDeviceInfoId, []);
}
