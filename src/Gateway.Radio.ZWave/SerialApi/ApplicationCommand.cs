namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>ApplicationCommandHandler request: receive status, source node, then a command class payload.</summary>
public sealed record ApplicationCommand(byte RxStatus, byte SourceNodeId, byte[] Payload)
{
    public static ApplicationCommand? Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 3 || payload[2] == 0 || payload.Length < 3 + payload[2]) return null;
        return new ApplicationCommand(payload[0], payload[1], payload.Slice(3, payload[2]).ToArray());
    }

    public byte[] Encode() => [RxStatus, SourceNodeId, (byte)Payload.Length, .. Payload];
}
