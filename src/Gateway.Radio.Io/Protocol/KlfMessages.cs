using System.Text;

namespace Gateway.Radio.Io.Protocol;

/// <summary>Builders for the small requests and confirmations whose data has no structure worth a type.</summary>
public static class KlfMessages
{
    public const int PasswordSize = 32;
    public const byte PasswordAccepted = 0;
    public const byte CommandAccepted = 1;
    /// <summary>GW_CS_REMOVE_NODES_CFM status when the nodes left the system table.</summary>
    public const byte RemoveAccepted = 1;
    /// <summary>GW_SET_NODE_NAME_CFM status when the node took the name.</summary>
    public const byte NameAccepted = 0;

    public static KlfFrame PasswordEnter(string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        if (bytes.Length > PasswordSize) throw new ArgumentException($"the KLF-200 password is at most {PasswordSize} bytes");
        return new KlfFrame(KlfCommand.PasswordEnterReq, new KlfWriter().Text(password, PasswordSize).ToArray());
    }

    public static string PasswordOf(ReadOnlySpan<byte> data) => new KlfReader(data).Text(Math.Min(data.Length, PasswordSize));

    public static KlfFrame SetUtc(DateTimeOffset now) => new(KlfCommand.SetUtcReq, new KlfWriter().U32((uint)now.ToUnixTimeSeconds()).ToArray());

    public static KlfFrame DiscoverNodes(byte nodeType) => KlfFrame.Of(KlfCommand.CsDiscoverNodesReq, nodeType);

    public static KlfFrame RemoveNodes(IEnumerable<byte> nodeIds) => new(KlfCommand.CsRemoveNodesReq, DiscoverNodesResult.BitArray(nodeIds));

    /// <summary>The confirmation of a session request (command, wink, limitation status): session id, then status.</summary>
    public static KlfFrame SessionConfirmation(ushort command, ushort session, bool accepted) =>
        new(command, new KlfWriter().U16(session).U8(accepted ? CommandAccepted : 0).ToArray());

    public static KlfFrame SetNodeName(byte nodeId, string name) =>
        new(KlfCommand.SetNodeNameReq, new KlfWriter().U8(nodeId).Text(name, NodeInformation.NameSize).ToArray());

    public static (byte NodeId, string Name) NodeNameOf(ReadOnlySpan<byte> data)
    {
        if (data.Length != 1 + NodeInformation.NameSize) throw new InvalidDataException($"set node name is {1 + NodeInformation.NameSize} bytes, got {data.Length}");
        var r = new KlfReader(data);
        return (r.U8(), r.Text(NodeInformation.NameSize));
    }

    public static KlfFrame SetNodeNameConfirmation(byte nodeId, byte status) => KlfFrame.Of(KlfCommand.SetNodeNameCfm, status, nodeId);

    public static KlfFrame SessionFinished(ushort session) => new(KlfCommand.SessionFinishedNtf, new KlfWriter().U16(session).ToArray());

    public static ushort SessionOf(ReadOnlySpan<byte> data) => new KlfReader(data).U16();
}
