namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// RemoveNodeFromNetwork (0x4B): request <c>mode | flags, callback id</c>, no response; the controller calls back with
/// <see cref="NetworkManagementStatus"/> (ready, node found, removing — with the node id —, done, failed). A node
/// that was in another network is reset all the same, with node id 0.
/// </summary>
public static class RemoveNodeFromNetwork
{
    public const byte ModeAny = 0x01;
    public const byte ModeStop = 0x05;

    public const byte StatusReady = 0x01;
    public const byte StatusNodeFound = 0x02;
    public const byte StatusRemovingSlave = 0x03;
    public const byte StatusRemovingController = 0x04;
    public const byte StatusDone = 0x06;
    public const byte StatusFailed = 0x07;

    public static byte[] Start(byte flags, byte callbackId) => [(byte)(ModeAny | flags), callbackId];

    public static byte[] Stop(byte callbackId) => [ModeStop, callbackId];

    public static byte ModeOf(ReadOnlySpan<byte> request) => request.Length == 0 ? (byte)0 : (byte)(request[0] & 0x0F);
}
