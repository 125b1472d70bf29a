using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Devices;

/// <summary>
/// What a command sends (command class payloads, in order) and how it is confirmed: the Get whose report says the
/// device did it, and which report counts as done (a shutter reports its level while it moves). No Get: the
/// node's acknowledgement of the delivery is the confirmation.
/// </summary>
public sealed record ZWaveCommandPlan(IReadOnlyList<byte[]> Send, byte[]? Confirm, Func<CommandClassReport, bool> Reached)
{
    public static bool AnyReport(CommandClassReport report) => report is SwitchBinaryReport or LevelReport;
}
