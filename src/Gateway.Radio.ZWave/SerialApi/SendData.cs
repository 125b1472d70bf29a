namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// SendData: request <c>node, length, payload, tx options, callback id</c>; response <c>1</c> when the controller
/// queued it; callback request <c>callback id, tx status</c> (0 delivered, 1 no ACK from the node, 2 failed).
/// </summary>
public static class SendData
{
    /// <summary>ACK | AUTO_ROUTE | EXPLORE.</summary>
    public const byte DefaultTxOptions = 0x25;

    public const byte TransmitOk = 0x00;
    public const byte TransmitNoAck = 0x01;
    public const byte TransmitFail = 0x02;

    public static byte[] Request(byte nodeId, ReadOnlySpan<byte> payload, byte callbackId, byte txOptions = DefaultTxOptions) =>
        [nodeId, (byte)payload.Length, .. payload, txOptions, callbackId];

    public static bool Queued(ReadOnlySpan<byte> response) => response.Length > 0 && response[0] != 0;

    /// <summary>The tx status of a callback, or null when it is too short.</summary>
    public static byte? Status(ReadOnlySpan<byte> callback) => callback.Length < 2 ? null : callback[1];

    /// <summary>Parses a SendData request (the simulator's side).</summary>
    public static (byte NodeId, byte[] Payload, byte TxOptions, byte CallbackId)? ParseRequest(ReadOnlySpan<byte> request)
    {
        if (request.Length < 2 || request.Length < 2 + request[1] + 2) return null;
        var length = request[1];
        return (request[0], request.Slice(2, length).ToArray(), request[2 + length], request[3 + length]);
    }
}
