using System.Text.Json.Serialization;
using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Model;

namespace Gateway.Core.Json;

/// <summary>Source-generated serialisation of everything the gateway shows to API clients and the cloud.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Device))]
[JsonSerializable(typeof(IReadOnlyList<Device>))]
[JsonSerializable(typeof(DeviceState))]
[JsonSerializable(typeof(IReadOnlyList<DeviceState>))]
[JsonSerializable(typeof(Place))]
[JsonSerializable(typeof(DeviceDefinition))]
[JsonSerializable(typeof(Gateway.Core.Catalog.ParameterSpec))]
[JsonSerializable(typeof(CurrentExecution))]
[JsonSerializable(typeof(IReadOnlyList<CurrentExecution>))]
[JsonSerializable(typeof(HistoryExecution))]
[JsonSerializable(typeof(IReadOnlyList<HistoryExecution>))]
[JsonSerializable(typeof(ActionRecord))]
[JsonSerializable(typeof(IReadOnlyList<ActionRecord>))]
[JsonSerializable(typeof(IReadOnlyList<FailedCommand>))]
[JsonSerializable(typeof(DeviceStateChangedEvent))]
[JsonSerializable(typeof(DeviceAvailabilityEvent))]
[JsonSerializable(typeof(GatewaySynchronizationEvent))]
[JsonSerializable(typeof(ExecutionRegisteredEvent))]
[JsonSerializable(typeof(ExecutionStateChangedEvent))]
[JsonSerializable(typeof(CommandExecutionStateChangedEvent))]
[JsonSerializable(typeof(DeviceCreatedEvent))]
[JsonSerializable(typeof(PairingModeEvent))]
[JsonSerializable(typeof(DeviceRemovedEvent))]
[JsonSerializable(typeof(DeviceUpdatedEvent))]
[JsonSerializable(typeof(DeviceDeletionFailedEvent))]
[JsonSerializable(typeof(PlaceCreatedEvent))]
[JsonSerializable(typeof(PlaceUpdatedEvent))]
[JsonSerializable(typeof(PlaceDeletedEvent))]
[JsonSerializable(typeof(SetupJobCompletedEvent))]
[JsonSerializable(typeof(SetupJobFailedEvent))]
[JsonSerializable(typeof(HistoryDeletedEvent))]
[JsonSerializable(typeof(RadioNetworkEvent))]
[JsonSerializable(typeof(RadioNoticeEvent))]
[JsonSerializable(typeof(ActionGroupEvent))]
[JsonSerializable(typeof(DelayedTriggerEvent))]
[JsonSerializable(typeof(Gateway.Core.Calendars.CalendarDayEvent))]
[JsonSerializable(typeof(Gateway.Core.Calendars.CalendarRuleEvent))]
[JsonSerializable(typeof(Gateway.Core.Automation.ConditionGroupEvent))]
[JsonSerializable(typeof(Gateway.Core.Automation.SetupTriggerEvent))]
[JsonSerializable(typeof(Gateway.Core.Automation.SetupTriggerModeChangedEvent))]
[JsonSerializable(typeof(Gateway.Core.Automation.GatewayFunctionChangedEvent))]
[JsonSerializable(typeof(Gateway.Core.Location.SetupLocation))]
[JsonSerializable(typeof(Gateway.Core.Location.SunEventTime))]
[JsonSerializable(typeof(Gateway.Core.ActionGroups.ActionGroup))]
[JsonSerializable(typeof(IReadOnlyList<Gateway.Core.ActionGroups.ActionGroup>))]
[JsonSerializable(typeof(Gateway.Core.ActionGroups.ScheduledExecution))]
[JsonSerializable(typeof(IReadOnlyList<Gateway.Core.ActionGroups.ScheduledExecution>))]
public sealed partial class GatewayJsonContext : JsonSerializerContext
{
    /// <summary>The same contract with <see cref="Gateway.Core.Json.RelaxedJson"/> escaping: what the API writes.</summary>
    public static GatewayJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
