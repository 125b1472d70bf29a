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

    public static KlfFrame CommandSendConfirmation(ushort session, bool accepted) =>
        new(KlfCommand.CommandSendCfm, new KlfWriter().U16(session).U8(accepted ? CommandAccepted : 0).ToArray());

    public static KlfFrame SessionFinished(ushort session) => new(KlfCommand.SessionFinishedNtf, new KlfWriter().U16(session).ToArray());

    public static ushort SessionOf(ReadOnlySpan<byte> data) => new KlfReader(data).U16();
}
