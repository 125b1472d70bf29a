using System.Text.Json.Serialization;
using Gateway.Core.History;

namespace Gateway.Api.Contracts;

/// <summary>One entry of GET /history: either {"execution": …} or {"deviceEvent": …}.</summary>
public sealed record HistoryEntryView(
    [property: JsonPropertyName("execution"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExecutionHistoryView? Execution,
    [property: JsonPropertyName("deviceEvent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeviceEvent? DeviceEvent)
{
    public static HistoryEntryView Of(HistoryEntry entry) =>
        new(entry.Execution is null ? null : ExecutionHistoryView.Of(entry.Execution), entry.DeviceEvent);
}
