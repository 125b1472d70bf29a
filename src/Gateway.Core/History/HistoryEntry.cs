using Gateway.Core.Executions;

namespace Gateway.Core.History;

/// <summary>One entry of the mixed history: a finished execution or a device event, whichever is set.</summary>
public sealed record HistoryEntry(HistoryExecution? Execution, DeviceEvent? DeviceEvent)
{
    public long EventTime => Execution?.EventTime ?? DeviceEvent!.EventTime;
}
