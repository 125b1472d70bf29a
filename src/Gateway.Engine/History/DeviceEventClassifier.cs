using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.History;

namespace Gateway.Engine.History;

/// <summary>
/// Which gateway events are device faults or warnings worth keeping in history: a device that stops answering, a
/// command a device failed, a sensor reporting a defect or a low battery. Everything else passes by.
/// </summary>
public static class DeviceEventClassifier
{
    public const string SensorDefectState = "core:SensorDefectState";
    public const string BatteryState = "core:BatteryState";

    /// <summary>A cheap first look, so that the common state changes cost nothing more on the bus thread.</summary>
    public static bool MayClassify(GatewayEvent gatewayEvent) => gatewayEvent switch
    {
        DeviceAvailabilityEvent { Available: false } => true,
        CommandExecutionStateChangedEvent { NewState: ExecutionState.Failed } => true,
        DeviceStateChangedEvent changed => CarriesHealth(changed.DeviceStates),
        _ => false,
    };

    private static bool CarriesHealth(IReadOnlyList<Gateway.Core.Model.DeviceState> states)
    {
        for (var i = 0; i < states.Count; i++)
            if (states[i].Name is SensorDefectState or BatteryState) return true;
        return false;
    }

    public static void Classify(GatewayEvent gatewayEvent, long now, List<DeviceEvent> into)
    {
        switch (gatewayEvent)
        {
            case DeviceAvailabilityEvent { Available: false } unavailable:
                into.Add(New(unavailable.Timestamp, unavailable.DeviceUrl, DeviceEvent.Fault, "DEVICE_UNAVAILABLE", "unavailable"));
                break;
            case CommandExecutionStateChangedEvent { NewState: ExecutionState.Failed, FailureType: { } failure } failed
                when failure != FailureType.CommandCancelled.Name:
                into.Add(New(failed.Timestamp, failed.DeviceUrl, DeviceEvent.Fault, failure, $"execution {failed.ExecId} command {failed.Rank}"));
                break;
            case DeviceStateChangedEvent changed:
                foreach (var state in changed.DeviceStates)
                {
                    if (state.Name is not (SensorDefectState or BatteryState)) continue;
                    var value = state.Value.ValueKind == System.Text.Json.JsonValueKind.String ? state.Value.GetString() : null;
                    if (WarningOf(state.Name, value) is { } subType)
                        into.Add(New(now, changed.DeviceUrl, subType == "SENSOR_DEAD" ? DeviceEvent.Fault : DeviceEvent.Warning, subType, value!));
                }
                break;
        }
    }

    private static string? WarningOf(string state, string? value) => (state, value) switch
    {
        (SensorDefectState, "lowBattery") => "LOW_BATTERY",
        (SensorDefectState, "maintenanceRequired") => "MAINTENANCE_REQUIRED",
        (SensorDefectState, "dead") => "SENSOR_DEAD",
        (BatteryState, "low" or "verylow") => "LOW_BATTERY",
        _ => null,
    };

    private static DeviceEvent New(long time, string deviceUrl, string type, string subType, string value) =>
        new(time, deviceUrl, value, Guid.NewGuid().ToString(), subType, type);
}
