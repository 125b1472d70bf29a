namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// AddNodeToNetwork (0x4A): request <c>mode | flags, callback id</c>, no response; the controller calls back with
/// <see cref="NetworkManagementStatus"/> as the inclusion goes (ready, node found, adding, protocol done, done, failed).
/// </summary>
public static class AddNodeToNetwork
{
    public const byte ModeAny = 0x01;
    public const byte ModeStop = 0x05;

    /// <summary>Include at full power (without it the controller includes only nodes close to it).</summary>
    public const byte FlagHighPower = 0x80;

    /// <summary>Network-wide inclusion (explorer frames through the mesh).</summary>
    public const byte FlagNetworkWide = 0x40;

    public const byte StatusReady = 0x01;
    public const byte StatusNodeFound = 0x02;
    public const byte StatusAddingSlave = 0x03;
    public const byte StatusAddingController = 0x04;
    public const byte StatusProtocolDone = 0x05;
    public const byte StatusDone = 0x06;
    public const byte StatusFailed = 0x07;

    /// <summary>Status of a controller that is not the primary one: it cannot include.</summary>
    public const byte StatusNotPrimary = 0x23;

    public static byte[] Start(byte flags, byte callbackId) => [(byte)(ModeAny | flags), callbackId];

    /// <summary>Ends inclusion mode; with a callback id the controller answers <see cref="StatusDone"/>.</summary>
    public static byte[] Stop(byte callbackId) => [ModeStop, callbackId];

    public static byte ModeOf(ReadOnlySpan<byte> request) => request.Length == 0 ? (byte)0 : (byte)(request[0] & 0x0F);
}
