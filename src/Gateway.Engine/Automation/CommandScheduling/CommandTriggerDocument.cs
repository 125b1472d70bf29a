using System.Text.Json.Serialization;
using Gateway.Core.Automation;

namespace Gateway.Engine.Automation.CommandScheduling;

/// <summary>The command-scheduling triggers as stored under <see cref="CommandSchedulingTriggerService.DefinitionsKey"/>.</summary>
internal sealed record CommandTriggerDocument
{
    [JsonPropertyName("generic")] public IReadOnlyList<GenericCommandSchedulingTrigger> Generic { get; set; } = [];
    [JsonPropertyName("delayed")] public IReadOnlyList<DelayedCommandsSchedulingTrigger> Delayed { get; set; } = [];
}
