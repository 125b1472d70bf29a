using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// Source-generated JSON of condition groups and triggers: API bodies, events and the persisted documents. Members
/// with a default value have setters, not init accessors: the generator resets an absent init-only member to default.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConditionBlock))]
[JsonSerializable(typeof(ConditionGroup))]
[JsonSerializable(typeof(IReadOnlyList<ConditionGroup>))]
[JsonSerializable(typeof(ConditionGroupEvaluation))]
[JsonSerializable(typeof(ConditionGroupOidResponse))]
[JsonSerializable(typeof(IfThenSetupTrigger))]
[JsonSerializable(typeof(IReadOnlyList<IfThenSetupTrigger>))]
[JsonSerializable(typeof(SetupTriggerEnvelope))]
[JsonSerializable(typeof(IReadOnlyList<SetupTriggerEnvelope>))]
[JsonSerializable(typeof(SetupTriggerIdResponse))]
[JsonSerializable(typeof(SetupTriggerStatus))]
[JsonSerializable(typeof(IReadOnlyList<SetupTriggerStatus>))]
[JsonSerializable(typeof(TriggerRuntimeDocument))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(ConditionGroupEvent))]
[JsonSerializable(typeof(SetupTriggerEvent))]
[JsonSerializable(typeof(SetupTriggerModeChangedEvent))]
[JsonSerializable(typeof(DiscreteTrigger))]
[JsonSerializable(typeof(IReadOnlyList<DiscreteTrigger>))]
[JsonSerializable(typeof(DiscreteTestRequest))]
[JsonSerializable(typeof(TriggersSwitch))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(GenericCommandSchedulingTrigger))]
[JsonSerializable(typeof(IReadOnlyList<GenericCommandSchedulingTrigger>))]
[JsonSerializable(typeof(DelayedCommandsSchedulingTrigger))]
[JsonSerializable(typeof(IReadOnlyList<DelayedCommandsSchedulingTrigger>))]
public sealed partial class AutomationJsonContext : JsonSerializerContext
{
    /// <summary>The same contract with <see cref="Gateway.Core.Json.RelaxedJson"/> escaping: what the API writes.</summary>
    public static AutomationJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
