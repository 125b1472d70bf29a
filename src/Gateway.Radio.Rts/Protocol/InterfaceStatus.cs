namespace Gateway.Radio.Rts.Protocol;

/// <summary>
/// The interface's answer to get status and set mode (type 0x01, subtype 0x00): transceiver type, firmware version
/// and type, and the receive protocols enabled. Short (0x0D) answers come from old firmware, whose version is the
/// byte itself; long (0x14) answers count versions from 1000.
/// </summary>
public sealed record InterfaceStatus(byte Command, byte TransceiverType, int FirmwareVersion, byte FirmwareType, byte Msg3, byte Msg4, byte Msg5, byte Msg6)
{
    public const byte FirmwareTypeExt = 0x03;
    public const byte FirmwareTypeExt2 = 0x04;
    public const byte FirmwareTypePro1 = 0x05;
    public const byte FirmwareTypePro2 = 0x06;
    public const byte FirmwareTypeProXl1 = 0x10;

    /// <summary>Only E, Pro and XL firmware transmits RFY (Somfy RTS); type 1 and 2 firmware cannot.</summary>
    public bool CanTransmitRfy => FirmwareType is FirmwareTypeExt or FirmwareTypeExt2 or FirmwareTypePro1 or FirmwareTypePro2 or >= FirmwareTypeProXl1;

    public static bool TryParse(RfxFrame frame, out InterfaceStatus status)
    {
        status = null!;
        var d = frame.Data;
        if (frame.PacketType != RfxPacketTypes.InterfaceMessage || frame.Subtype != RfxPacketTypes.InterfaceResponse || d.Length < 7) return false;
        var longForm = d.Length >= 11;
        // Old short answers carry no firmware type; those firmwares were E-type when the version is high enough.
        var type = longForm ? d[10] : (d[2] >= 0xC8 ? FirmwareTypeExt : (byte)0x01);
        status = new InterfaceStatus(d[0], d[1], longForm ? 1000 + d[2] : d[2], type, d[3], d[4], d[5], d[6]);
        return true;
    }

    /// <summary>The answer as an interface sends it (the simulator uses it).</summary>
    public RfxFrame ToFrame(byte sequence)
    {
        var data = new byte[17];
        data[0] = Command;
        data[1] = TransceiverType;
        data[2] = (byte)(FirmwareVersion >= 1000 ? FirmwareVersion - 1000 : FirmwareVersion);
        data[3] = Msg3;
        data[4] = Msg4;
        data[5] = Msg5;
        data[6] = Msg6;
        data[7] = 0x01; // hardware version
        data[8] = 0x03;
        data[9] = 0x1C; // noise level
        data[10] = FirmwareType;
        return new RfxFrame(RfxPacketTypes.InterfaceMessage, RfxPacketTypes.InterfaceResponse, sequence, data);
    }
}
