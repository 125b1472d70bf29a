namespace Gateway.Radio.Io.Protocol;

public enum KlfFrameError
{
    None,
    TooShort,
    TooLong,
    WrongProtocol,
    WrongLength,
    WrongChecksum,
    BadEscape,
}
