namespace Gateway.Radio.Zigbee.Protocol.Mt;

/// <summary>The five low bits of CMD0: which Z-Stack subsystem a command belongs to.</summary>
public enum MtSubsystem : byte
{
    RpcError = 0x00,
    Sys = 0x01,
    Mac = 0x02,
    Nwk = 0x03,
    Af = 0x04,
    Zdo = 0x05,
    Sapi = 0x06,
    Util = 0x07,
    Debug = 0x08,
    App = 0x09,
    AppConfig = 0x0F,
    Zgp = 0x15,
}
