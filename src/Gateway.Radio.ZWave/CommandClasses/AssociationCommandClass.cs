namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Association (0x85): Set 0x01 <c>group, node ids…</c>; Get 0x02 <c>group</c>; Report 0x03 <c>group, max nodes,
/// reports to follow, node ids…</c>; Remove 0x04 <c>group, node ids…</c> (no node ids: all of the group); Groupings
/// Get 0x05 and Report 0x06 <c>group count</c>. Group 1 is the lifeline. Reports are read by <see cref="CommandClassDecoder"/>.
/// </summary>
public static class AssociationCommandClass
{
    public const byte SetCommand = 0x01, GetCommand = 0x02, ReportCommand = 0x03, RemoveCommand = 0x04, GroupingsGetCommand = 0x05, GroupingsReportCommand = 0x06;
    public const byte Lifeline = 1;

    public static byte[] Set(byte group, params byte[] nodeIds) => CommandClassFrame.Of(CommandClassId.Association, SetCommand, [group, .. nodeIds]);

    public static byte[] Get(byte group) => CommandClassFrame.Of(CommandClassId.Association, GetCommand, group);

    public static byte[] Remove(byte group, params byte[] nodeIds) => CommandClassFrame.Of(CommandClassId.Association, RemoveCommand, [group, .. nodeIds]);

    public static byte[] GroupingsGet() => CommandClassFrame.Of(CommandClassId.Association, GroupingsGetCommand);

    public static byte[] Report(byte group, byte maxNodes, params byte[] nodeIds) =>
        CommandClassFrame.Of(CommandClassId.Association, ReportCommand, [group, maxNodes, 0x00, .. nodeIds]);

    public static byte[] GroupingsReport(byte groups) => CommandClassFrame.Of(CommandClassId.Association, GroupingsReportCommand, groups);
}
