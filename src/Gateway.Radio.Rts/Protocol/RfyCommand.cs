namespace Gateway.Radio.Rts.Protocol;

/// <summary>The RFY command byte (RFXtrx SDK, packet type 0x1A).</summary>
public enum RfyCommand : byte
{
    /// <summary>Stop; when the motor stands still it goes to its "my" position.</summary>
    Stop = 0x00,
    Up = 0x01,
    UpStop = 0x02,
    Down = 0x03,
    DownStop = 0x04,
    UpDown = 0x05,
    ListRemotes = 0x06,
    /// <summary>Pairs the address with a motor that is in programming mode.</summary>
    Program = 0x07,
    Program2Seconds = 0x08,
    Program7Seconds = 0x09,
    Stop2Seconds = 0x0A,
    Stop5Seconds = 0x0B,
    UpDown5Seconds = 0x0C,
    EraseThis = 0x0D,
    EraseAll = 0x0E,
    /// <summary>Up pressed less than half a second: a tilt step for European venetian blinds.</summary>
    Up05Seconds = 0x0F,
    Down05Seconds = 0x10,
    /// <summary>Up pressed more than two seconds: the full move for European venetian blinds.</summary>
    Up2Seconds = 0x11,
    Down2Seconds = 0x12,
    EnableSunWind = 0x13,
    DisableSun = 0x14,
}
