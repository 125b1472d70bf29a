namespace Gateway.Radio.Rts.Protocol;

/// <summary>
/// One remote of the transceiver's table, as listed after an RFY list-remotes command (interface message subtype
/// 0x03 for RFY, 0x04 for ASA): the entry number in the sequence byte, then id1..id3, unit code, and on newer
/// firmware the random byte and the 16-bit rolling code.
/// </summary>
public sealed record RfyRemoteEntry(int Index, bool Asa, RfyAddress Address, int? RollingCode)
{
    public static bool TryParse(RfxFrame frame, out RfyRemoteEntry entry)
    {
        entry = null!;
        var d = frame.Data;
        if (frame.PacketType != RfxPacketTypes.InterfaceMessage || frame.Subtype is not (RfxPacketTypes.RfyRemoteListEntry or RfxPacketTypes.AsaRemoteListEntry) || d.Length < 4)
            return false;
        int? rolling = d.Length >= 7 ? (d[5] << 8) | d[6] : null;
        entry = new RfyRemoteEntry(frame.Sequence, frame.Subtype == RfxPacketTypes.AsaRemoteListEntry, new RfyAddress((d[0] << 16) | (d[1] << 8) | d[2], d[3]), rolling);
        return true;
    }

    public RfxFrame ToFrame()
    {
        var rolling = RollingCode ?? 0;
        byte[] data = [(byte)(Address.Id >> 16), (byte)(Address.Id >> 8), (byte)Address.Id, Address.Unit, 0x00, (byte)(rolling >> 8), (byte)rolling, 0x00, 0x00];
        return new RfxFrame(RfxPacketTypes.InterfaceMessage, Asa ? RfxPacketTypes.AsaRemoteListEntry : RfxPacketTypes.RfyRemoteListEntry, (byte)Index, data);
    }
}
