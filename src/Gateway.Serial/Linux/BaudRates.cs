namespace Gateway.Serial.Linux;

/// <summary>termios speed codes (Bxxxx), which older glibc requires instead of plain numbers.</summary>
internal static class BaudRates
{
    public static uint? Code(int baud) => baud switch
    {
        1200 => 0x9, 2400 => 0xB, 4800 => 0xC, 9600 => 0xD, 19200 => 0xE, 38400 => 0xF,
        57600 => 0x1001, 115200 => 0x1002, 230400 => 0x1003, 460800 => 0x1004, 500000 => 0x1005,
        576000 => 0x1006, 921600 => 0x1007, 1000000 => 0x1008,
        _ => null,
    };
}
