namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>The packet type byte of an ESP3 header (ESP3 specification, §1.8).</summary>
public static class Esp3PacketType
{
    public const byte RadioErp1 = 0x01;
    public const byte Response = 0x02;
    public const byte RadioSubTel = 0x03;
    public const byte Event = 0x04;
    public const byte CommonCommand = 0x05;
    public const byte SmartAckCommand = 0x06;
    public const byte RemoteManCommand = 0x07;
    public const byte RadioMessage = 0x09;
    public const byte RadioErp2 = 0x0A;
}
