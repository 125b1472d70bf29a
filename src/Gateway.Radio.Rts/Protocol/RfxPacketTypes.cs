namespace Gateway.Radio.Rts.Protocol;

/// <summary>Packet types and subtypes of the RFXtrx protocol (RFXtrx SDK) that the RTS radio uses.</summary>
public static class RfxPacketTypes
{
    public const byte InterfaceControl = 0x00;
    public const byte InterfaceMessage = 0x01;
    public const byte TransmitterMessage = 0x02;
    public const byte Rfy = 0x1A;

    // Interface message subtypes.
    public const byte InterfaceResponse = 0x00;
    public const byte UnknownRfyRemote = 0x01;
    public const byte ExtendedError = 0x02;
    public const byte RfyRemoteListEntry = 0x03;
    public const byte AsaRemoteListEntry = 0x04;
    public const byte ReceiverStarted = 0x07;
    public const byte WrongCommand = 0xFF;

    // Transmitter message subtypes.
    public const byte ReceiverLockError = 0x00;
    public const byte TransmitterResponse = 0x01;
}
