namespace Gateway.Radio.ZWave.Serial;

/// <summary>Serial API function ids the gateway uses.</summary>
public static class FunctionId
{
    public const byte GetSerialApiInitData = 0x02;
    public const byte ApplicationCommandHandler = 0x04;
    public const byte GetControllerCapabilities = 0x05;
    public const byte GetSerialApiCapabilities = 0x07;
    public const byte SoftReset = 0x08;
    public const byte SerialApiStarted = 0x0A;
    public const byte SendData = 0x13;
    public const byte SendDataAbort = 0x16;
    public const byte GetVersion = 0x15;
    public const byte MemoryGetId = 0x20;
    public const byte GetNodeProtocolInfo = 0x41;
    public const byte SetDefault = 0x42;
    public const byte ApplicationUpdate = 0x49;
    public const byte AddNodeToNetwork = 0x4A;
    public const byte RemoveNodeFromNetwork = 0x4B;
    public const byte RequestNodeInfo = 0x60;
    public const byte RemoveFailedNode = 0x61;
    public const byte IsFailedNode = 0x62;
    public const byte ReplaceFailedNode = 0x63;
}
