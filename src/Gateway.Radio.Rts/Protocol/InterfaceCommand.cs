namespace Gateway.Radio.Rts.Protocol;

/// <summary>
/// The interface control packet (type 0x00, length 0x0D): reset, get status, set mode, start receiver. Set mode
/// carries the frequency, the transmit power and the four receive-protocol bytes (msg3..msg6).
/// </summary>
public static class InterfaceCommand
{
    public const byte Reset = 0x00;
    public const byte GetStatus = 0x02;
    public const byte SetMode = 0x03;
    public const byte StartReceiver = 0x07;

    /// <summary>The 433.92 MHz transceiver (the RFXtrx433E and XL answer with this type too).</summary>
    public const byte Transceiver43392 = 0x53;

    private const int DataLength = 10;

    public static RfxFrame Create(byte command, byte sequence) => new(RfxPacketTypes.InterfaceControl, 0x00, sequence, Data(command));

    /// <summary>
    /// Set mode with the receive protocols given. RFY is transmit-only on the RFXtrx433E (no receive bit exists for
    /// it), so the RTS radio enables no receiver protocol at all: the interface then only transmits.
    /// </summary>
    public static RfxFrame CreateSetMode(byte sequence, byte frequency, byte msg3, byte msg4, byte msg5, byte msg6)
    {
        var data = Data(SetMode);
        data[1] = frequency;
        data[2] = 0x00; // transmit power: the firmware's default
        data[3] = msg3;
        data[4] = msg4;
        data[5] = msg5;
        data[6] = msg6;
        return new RfxFrame(RfxPacketTypes.InterfaceControl, 0x00, sequence, data);
    }

    private static byte[] Data(byte command)
    {
        var data = new byte[DataLength];
        data[0] = command;
        return data;
    }
}
