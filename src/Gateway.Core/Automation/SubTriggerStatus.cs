using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

public sealed record SubTriggerStatus(
    [property: JsonPropertyName("triggerName")] string TriggerName,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("executeAlways")] bool ExecuteAlways);
