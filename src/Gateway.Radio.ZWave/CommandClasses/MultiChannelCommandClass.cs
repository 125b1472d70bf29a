namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Multi Channel (0x60, v3+) discovery: End Point Get 0x07, End Point Report 0x08 <c>(dynamic 1)(identical 1)(reserved 6),
/// (reserved 1)(endpoints 7)</c>; Capability Get 0x09 <c>(reserved 1)(endpoint 7)</c>, Capability Report 0x0A
/// <c>(dynamic 1)(endpoint 7), generic, specific, command classes…</c>. Encapsulation is <see cref="Encapsulation.MultiChannelLayer"/>.
/// </summary>
public static class MultiChannelCommandClass
{
    public const byte EndPointGetCommand = 0x07, EndPointReportCommand = 0x08, CapabilityGetCommand = 0x09, CapabilityReportCommand = 0x0A;

    public static byte[] EndPointGet() => CommandClassFrame.Of(CommandClassId.MultiChannel, EndPointGetCommand);

    public static byte[] EndPointReport(byte endpoints, bool identical) =>
        CommandClassFrame.Of(CommandClassId.MultiChannel, EndPointReportCommand, (byte)(identical ? 0x40 : 0x00), (byte)(endpoints & 0x7F));

    public static byte[] CapabilityGet(byte endpoint) => CommandClassFrame.Of(CommandClassId.MultiChannel, CapabilityGetCommand, (byte)(endpoint & 0x7F));

    public static byte[] CapabilityReport(byte endpoint, byte generic, byte specific, params byte[] commandClasses) =>
        CommandClassFrame.Of(CommandClassId.MultiChannel, CapabilityReportCommand, [(byte)(endpoint & 0x7F), generic, specific, .. commandClasses]);
}
