namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// A status callback of AddNodeToNetwork or RemoveNodeFromNetwork: <c>callback id, status, node id, length, basic,
/// generic, specific, command classes…</c>. The node id is 0 when the status carries none; the node information is
/// present only while adding (AddingSlave / AddingController).
/// </summary>
public sealed record NetworkManagementStatus(byte CallbackId, byte Status, byte NodeId, NodeInformation? Information)
{
    public static NetworkManagementStatus? Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2) return null;
        var nodeId = payload.Length > 2 ? payload[2] : (byte)0;
        NodeInformation? information = null;
        if (payload.Length >= 4 && payload[3] >= 3 && payload.Length >= 4 + payload[3])
            information = new NodeInformation(NodeInformation.NodeInfoReceived, nodeId, payload[4], payload[5], payload[6], payload.Slice(7, payload[3] - 3).ToArray());
        return new NetworkManagementStatus(payload[0], payload[1], nodeId, information);
    }

    /// <summary>The callback as a controller sends it (the simulator's side).</summary>
    public byte[] Encode()
    {
        if (Information is not { } info) return [CallbackId, Status, NodeId, 0x00];
        return [CallbackId, Status, NodeId, (byte)(3 + info.CommandClasses.Count), info.Basic, info.Generic, info.Specific, .. info.CommandClasses];
    }
}
