using System.Text.Json.Serialization;

namespace Gateway.Core.ActionGroups;

/// <summary>An action group to run once at a UTC time (POST /exec/schedule/{oid}/{utcTimestamp}).</summary>
public sealed record ScheduledExecution(
    [property: JsonPropertyName("triggerId")] string TriggerId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("utcTime")] long UtcTime,
    [property: JsonPropertyName("actionGroupOID")] string ActionGroupOid)
{
    [JsonPropertyName("randomTimeRange")] public int RandomTimeRange => 0;
    [JsonPropertyName("serverSideManaged")] public bool ServerSideManaged => false;
    [JsonPropertyName("executionType")] public string ExecutionType => "Delayed execution";
    [JsonPropertyName("executionSubType")] public string ExecutionSubType => "MANUAL_CONTROL";
}
