using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>Telegrams the gateway sends to D2-01-xx electronic switches and dimmers (VLD, addressed to the actuator).</summary>
public static class D201
{
    public const byte CmdActuatorSetOutput = 0x1;
    public const byte CmdActuatorStatusQuery = 0x3;
    public const byte CmdActuatorStatusResponse = 0x4;
    public const byte CmdActuatorMeasurementQuery = 0x6;
    public const byte CmdActuatorMeasurementResponse = 0x7;

    /// <summary>I/O channel value meaning "all output channels".</summary>
    public const int AllChannels = 0x1E;

    /// <summary>
    /// CMD 0x1 "Actuator Set Output": DB2 = 0x01; DB1 = dim mode (bits 7..5: 0 switch to the new value at once,
    /// 1..3 dim with timer 1..3, 4 stop dimming) | I/O channel (bits 4..0); DB0 = output value 0..100 (0 = off).
    /// </summary>
    public static Erp1Telegram SetOutput(uint senderId, uint destination, int channel, int value, int dimMode = 0)
    {
        CheckChannel(channel);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(dimMode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimMode, 4);
        return Erp1Telegram.ForSending(Rorg.Vld, [CmdActuatorSetOutput, (byte)((dimMode << 5) | channel), (byte)value], senderId, destination);
    }

    /// <summary>CMD 0x3 "Actuator Status Query": DB1 = 0x03; DB0 = I/O channel (bits 4..0; 0x1E = all).</summary>
    public static Erp1Telegram StatusQuery(uint senderId, uint destination, int channel)
    {
        CheckChannel(channel);
        return Erp1Telegram.ForSending(Rorg.Vld, [CmdActuatorStatusQuery, (byte)channel], senderId, destination);
    }

    /// <summary>CMD 0x6 "Actuator Measurement Query": DB1 = 0x06; DB0 = query power (bit 5; 0 = energy) | I/O channel.</summary>
    public static Erp1Telegram MeasurementQuery(uint senderId, uint destination, int channel, bool power)
    {
        CheckChannel(channel);
        return Erp1Telegram.ForSending(Rorg.Vld, [CmdActuatorMeasurementQuery, (byte)((power ? 0x20 : 0x00) | channel)], senderId, destination);
    }

    private static void CheckChannel(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 0x1F);
    }
}
