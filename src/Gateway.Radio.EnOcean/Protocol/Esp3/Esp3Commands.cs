namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>COMMON_COMMAND packets the gateway sends to its dongle, and the timing rules around them.</summary>
public static class Esp3Commands
{
    /// <summary>CO_WR_RESET: resets the module.</summary>
    public const byte CoWrReset = 0x02;

    /// <summary>CO_RD_VERSION: app and API version, chip id, app description.</summary>
    public const byte CoRdVersion = 0x03;

    /// <summary>CO_RD_IDBASE: the base id of the 128 sender ids the gateway may use.</summary>
    public const byte CoRdIdBase = 0x08;

    /// <summary>
    /// The ESP3 specification's limit for the answer to a command: a RESPONSE must follow within 500 ms, otherwise
    /// the host treats the command as lost.
    /// </summary>
    public const int ResponseTimeoutMilliseconds = 500;

    /// <summary><see cref="ResponseTimeoutMilliseconds"/> as a <see cref="TimeSpan"/>.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMilliseconds(ResponseTimeoutMilliseconds);

    /// <summary>The ESP3 specification's limit between two bytes of one packet: a longer gap abandons the packet.</summary>
    public const int InterByteTimeoutMilliseconds = 100;

    /// <summary><see cref="InterByteTimeoutMilliseconds"/> as a <see cref="TimeSpan"/>.</summary>
    public static readonly TimeSpan InterByteTimeout = TimeSpan.FromMilliseconds(InterByteTimeoutMilliseconds);

    /// <summary><c>55 00 01 00 05 70 03 09</c></summary>
    public static Esp3Packet ReadVersion() => Common(CoRdVersion);

    /// <summary><c>55 00 01 00 05 70 08 38</c></summary>
    public static Esp3Packet ReadIdBase() => Common(CoRdIdBase);

    /// <summary><c>55 00 01 00 05 70 02 0E</c></summary>
    public static Esp3Packet Reset() => Common(CoWrReset);

    private static Esp3Packet Common(byte code) => new(Esp3PacketType.CommonCommand, [code], []);
}
