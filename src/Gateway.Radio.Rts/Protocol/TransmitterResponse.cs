namespace Gateway.Radio.Rts.Protocol;

/// <summary>The transmitter message (type 0x02): ACK or NAK for the packet with the same sequence number.</summary>
public static class TransmitterResponse
{
    public static bool TryParse(RfxFrame frame, out TransmitterResult result)
    {
        result = default;
        if (frame.PacketType != RfxPacketTypes.TransmitterMessage) return false;
        if (frame.Subtype == RfxPacketTypes.ReceiverLockError)
        {
            result = TransmitterResult.ReceiverLockError;
            return true;
        }
        if (frame.Subtype != RfxPacketTypes.TransmitterResponse || frame.Data.Length < 1 || frame.Data[0] > 0x03) return false;
        result = (TransmitterResult)frame.Data[0];
        return true;
    }

    public static bool IsAck(TransmitterResult result) => result is TransmitterResult.Ack or TransmitterResult.AckDelayed;

    public static RfxFrame Create(byte sequence, TransmitterResult result) =>
        result == TransmitterResult.ReceiverLockError
            ? new RfxFrame(RfxPacketTypes.TransmitterMessage, RfxPacketTypes.ReceiverLockError, sequence, [0x00])
            : new RfxFrame(RfxPacketTypes.TransmitterMessage, RfxPacketTypes.TransmitterResponse, sequence, [(byte)result]);
}
