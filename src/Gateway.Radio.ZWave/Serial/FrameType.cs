namespace Gateway.Radio.ZWave.Serial;

/// <summary>A data frame is a request (host → controller command, or an unsolicited/callback frame) or a response.</summary>
public enum FrameType : byte
{
    Request = 0x00,
    Response = 0x01,
}
