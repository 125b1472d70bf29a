namespace Gateway.Radio.ZWave.Associations;

/// <summary>
/// Association command class (0x85) frames: Set <c>85 01 group nodes…</c>, Get <c>85 02 group</c>, Report
/// <c>85 03 group maxNodes reportsToFollow nodes…</c>, Remove <c>85 04 group nodes…</c> (no nodes: all of the group),
/// Groupings Get <c>85 05</c> and Report <c>85 06 count</c>.
/// </summary>
public static class AssociationFrames
{
    public const byte CommandClass = 0x85;
    public const byte SetCommand = 0x01;
    public const byte GetCommand = 0x02;
    public const byte ReportCommand = 0x03;
    public const byte RemoveCommand = 0x04;
    public const byte GroupingsGetCommand = 0x05;
    public const byte GroupingsReportCommand = 0x06;

    public static byte[] Set(byte groupId, IEnumerable<byte> nodes) => [CommandClass, SetCommand, groupId, .. nodes];

    public static byte[] Get(byte groupId) => [CommandClass, GetCommand, groupId];

    public static byte[] Remove(byte groupId, IEnumerable<byte> nodes) => [CommandClass, RemoveCommand, groupId, .. nodes];

    public static byte[] GroupingsGet() => [CommandClass, GroupingsGetCommand];

    public static byte[] Report(byte groupId, byte maxNodes, IEnumerable<byte> nodes) => [CommandClass, ReportCommand, groupId, maxNodes, 0x00, .. nodes];

    public static byte[] GroupingsReport(byte count) => [CommandClass, GroupingsReportCommand, count];

    /// <summary>An Association Report: the group, its capacity and its nodes; null for anything else or a short frame.</summary>
    public static (byte GroupId, byte MaxNodes, byte[] Nodes)? ParseReport(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 5 || payload[0] != CommandClass || payload[1] != ReportCommand || payload[2] == 0) return null;
        return (payload[2], payload[3], payload[5..].ToArray());
    }

    /// <summary>An Association Groupings Report: how many groups the node has.</summary>
    public static byte? ParseGroupingsReport(ReadOnlySpan<byte> payload) =>
        payload.Length >= 3 && payload[0] == CommandClass && payload[1] == GroupingsReportCommand ? payload[2] : null;
}
