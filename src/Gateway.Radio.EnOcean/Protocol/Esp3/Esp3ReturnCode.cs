namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>The first data byte of a RESPONSE packet (ESP3 specification, §2.2.1).</summary>
public enum Esp3ReturnCode : byte
{
    Ok = 0x00,
    Error = 0x01,
    NotSupported = 0x02,
    WrongParam = 0x03,
    OperationDenied = 0x04,
    LockSet = 0x05,
    BufferTooSmall = 0x06,
    NoFreeBuffer = 0x07,
}
