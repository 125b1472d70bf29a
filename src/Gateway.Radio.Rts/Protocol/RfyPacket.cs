namespace Gateway.Radio.Rts.Protocol;

/// <summary>
/// The RFY packet (type 0x1A, length 0x0C): id1 id2 id3, unit code, command, three reserved bytes and a byte whose
/// high nibble is the RSSI on received packets (zero when sent).
/// </summary>
public sealed record RfyPacket(RfySubtype Subtype, RfyAddress Address, RfyCommand Command)
{
    public const int DataLength = 9;

    public RfxFrame ToFrame(byte sequence)
    {
        var data = new byte[DataLength];
        data[0] = (byte)(Address.Id >> 16);
        data[1] = (byte)(Address.Id >> 8);
        data[2] = (byte)Address.Id;
        data[3] = Address.Unit;
        data[4] = (byte)Command;
        return new RfxFrame(RfxPacketTypes.Rfy, (byte)Subtype, sequence, data);
    }

    public static bool TryParse(RfxFrame frame, out RfyPacket packet)
    {
        packet = null!;
        var d = frame.Data;
        if (frame.PacketType != RfxPacketTypes.Rfy || d.Length < 5) return false;
        if (frame.Subtype is not ((byte)RfySubtype.Rfy or (byte)RfySubtype.RfyExt or (byte)RfySubtype.Asa)) return false;
        if (d[4] > (byte)RfyCommand.DisableSun) return false;
        packet = new RfyPacket((RfySubtype)frame.Subtype, new RfyAddress((d[0] << 16) | (d[1] << 8) | d[2], d[3]), (RfyCommand)d[4]);
        return true;
    }
}
