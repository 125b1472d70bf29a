using Gateway.Core.Model;
using Gateway.Radio.ZWave.CommandClasses;
using static Gateway.Core.Model.CoreStateNames;

namespace Gateway.Radio.ZWave.Devices;

/// <summary>Turns a node's reports into the states of its kind.</summary>
public static class ZWaveStateTranslator
{
    /// <summary>The last scene key event of a scene controller: <c>scene:key</c> (<c>1:pressed</c>, <c>2:held</c>, <c>1:pressed2x</c> …).</summary>
    public const string CentralSceneState = "zwave:CentralSceneState";

    public static IReadOnlyList<DeviceState> FromReport(string controllableName, CommandClassReport report) => report switch
    {
        SwitchBinaryReport { On: { } on } => [DeviceState.Of(OnOff, on ? "on" : "off")],
        LevelReport { Level: { } level } => FromLevel(controllableName, level),
        SensorReading reading => FromSensor(reading),
        MeterReading { MeterType: MeterCommandClass.Electric } meter => meter.Scale switch
        {
            MeterCommandClass.KilowattHours => [DeviceState.Of(ElectricEnergyConsumption, Math.Round(meter.Value * 1000, 3))],
            MeterCommandClass.Watts => [DeviceState.Of(ElectricPowerConsumption, meter.Value)],
            _ => [],
        },
        NotificationReport notification => FromNotification(notification),
        SensorBinaryReport binary => controllableName == ZWaveControllableNames.MotionSensor
            ? [DeviceState.Of(Occupancy, binary.Detected ? "personInside" : "noPersonInside")]
            : controllableName == ZWaveControllableNames.ContactSensor ? [DeviceState.Of(Contact, binary.Detected ? "open" : "closed")] : [],
        BatteryReport battery => [DeviceState.Of(BatteryLevel, battery.Level)],
        ThermostatSetpointReport { SetpointType: ThermostatSetpointCommandClass.Heating } setpoint when controllableName == ZWaveControllableNames.Thermostat =>
            [DeviceState.Of(TargetTemperature, ZWaveCommandTranslator.Celsius(setpoint))],
        ThermostatModeReport mode when ThermostatModeCommandClass.NameOf(mode.Mode) is { } name => [DeviceState.Of(OperatingMode, name)],
        CentralSceneNotification scene when CentralSceneCommandClass.NameOf(scene.KeyAttribute) is { } key =>
            [DeviceState.Of(CentralSceneState, $"{scene.Scene}:{key}")],
        _ => [],
    };

    private static IReadOnlyList<DeviceState> FromLevel(string controllableName, byte level)
    {
        var percent = SwitchMultilevelCommandClass.PercentOf(level);
        return controllableName switch
        {
            ZWaveControllableNames.RollerShutter => [DeviceState.Of(Closure, 100 - percent), DeviceState.Of(OpenClosed, percent == 0 ? "closed" : "open")],
            ZWaveControllableNames.DimmerLight => [DeviceState.Of(OnOff, level == 0 ? "off" : "on"), DeviceState.Of(LightIntensity, percent)],
            ZWaveControllableNames.OnOffSwitch => [DeviceState.Of(OnOff, level == 0 ? "off" : "on")],
            _ => [],
        };
    }

    private static IReadOnlyList<DeviceState> FromSensor(SensorReading reading) => (reading.SensorType, reading.Scale) switch
    {
        (SensorMultilevelCommandClass.AirTemperature, 0) => [DeviceState.Of(Temperature, reading.Value)],
        (SensorMultilevelCommandClass.AirTemperature, 1) => [DeviceState.Of(Temperature, Math.Round((reading.Value - 32) * 5 / 9, 2))],
        (SensorMultilevelCommandClass.Humidity, 0) => [DeviceState.Of(RelativeHumidity, reading.Value)],
        (SensorMultilevelCommandClass.Illuminance, 1) => [DeviceState.Of(Luminance, reading.Value)],
        (SensorMultilevelCommandClass.Power, 0) => [DeviceState.Of(ElectricPowerConsumption, reading.Value)],
        _ => [],
    };

    private static IReadOnlyList<DeviceState> FromNotification(NotificationReport report)
    {
        // An idle event names the event it ends in its first parameter.
        var ended = report.Event == NotificationCommandClass.Idle && report.Parameters.Length > 0 ? report.Parameters[0] : (byte?)null;
        return report.NotificationType switch
        {
            NotificationCommandClass.AccessControl when report.Event == NotificationCommandClass.WindowDoorOpen => [DeviceState.Of(Contact, "open")],
            NotificationCommandClass.AccessControl when report.Event == NotificationCommandClass.WindowDoorClosed => [DeviceState.Of(Contact, "closed")],
            NotificationCommandClass.HomeSecurity when report.Event is NotificationCommandClass.MotionDetected or NotificationCommandClass.MotionDetectedUnknownLocation =>
                [DeviceState.Of(Occupancy, "personInside")],
            NotificationCommandClass.HomeSecurity when report.Event == NotificationCommandClass.Idle
                && ended is null or NotificationCommandClass.MotionDetected or NotificationCommandClass.MotionDetectedUnknownLocation => [DeviceState.Of(Occupancy, "noPersonInside")],
            NotificationCommandClass.Smoke => [DeviceState.Of(Smoke, report.Event == NotificationCommandClass.Idle ? "notDetected" : "detected")],
            NotificationCommandClass.Water => [DeviceState.Of(WaterDetection, report.Event == NotificationCommandClass.Idle ? "notDetected" : "detected")],
            _ => [],
        };
    }
}
