using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Devices;

/// <summary>Turns an Overkiz command on a Z-Wave kind into command class payloads.</summary>
public static class ZWaveCommandTranslator
{
    public static ZWaveCommandPlan Translate(string controllableName, RadioCommand command)
    {
        var get = RefreshGet(controllableName);
        return (controllableName, command.Name) switch
        {
            (ZWaveControllableNames.OnOffSwitch, "on") => new([SwitchBinaryCommandClass.Set(true)], get, r => r is SwitchBinaryReport { On: true }),
            (ZWaveControllableNames.OnOffSwitch, "off") => new([SwitchBinaryCommandClass.Set(false)], get, r => r is SwitchBinaryReport { On: false }),
            (ZWaveControllableNames.DimmerLight, "on") => new([SwitchMultilevelCommandClass.Set(SwitchMultilevelCommandClass.LastLevel)], get, r => r is LevelReport { Level: > 0 }),
            (ZWaveControllableNames.DimmerLight or ZWaveControllableNames.RollerShutter, "off" or "close") => Level(0, get),
            (ZWaveControllableNames.DimmerLight, "setIntensity") => Level(SwitchMultilevelCommandClass.LevelOf(Percent(command)), get),
            (ZWaveControllableNames.RollerShutter, "open") => Level(SwitchMultilevelCommandClass.MaxLevel, get),
            (ZWaveControllableNames.RollerShutter, "setClosure") => Level(SwitchMultilevelCommandClass.LevelOf(100 - Percent(command)), get),
            (ZWaveControllableNames.RollerShutter, "up") => new([SwitchMultilevelCommandClass.StartLevelChange(down: false)], null, ZWaveCommandPlan.AnyReport),
            (ZWaveControllableNames.RollerShutter, "down") => new([SwitchMultilevelCommandClass.StartLevelChange(down: true)], null, ZWaveCommandPlan.AnyReport),
            (ZWaveControllableNames.RollerShutter, "stop") => new([SwitchMultilevelCommandClass.StopLevelChange()], get, ZWaveCommandPlan.AnyReport),
            (ZWaveControllableNames.Thermostat, "setTargetTemperature") => TargetTemperature(Number(command, 5, 30)),
            (ZWaveControllableNames.Thermostat, "setOperatingMode") => Mode(command),
            (ZWaveControllableNames.OnOffSwitch or ZWaveControllableNames.ElectricityMeter, ResetEnergyConsumption) =>
                new([MeterCommandClass.Reset()], MeterCommandClass.Get(MeterCommandClass.KilowattHours), r => r is MeterReading { Scale: MeterCommandClass.KilowattHours }),
            (_, "refreshState") when get is not null => new([], get, ZWaveCommandPlan.AnyReport),
            _ => throw new RadioCommandException(FailureType.CommandUnknown, $"{controllableName} has no command {command.Name}"),
        };
    }

    /// <summary>Resets the energy a meter counted (Meter Reset), where the node says it can.</summary>
    public const string ResetEnergyConsumption = "resetEnergyConsumption";

    /// <summary>The Get that reads the kind's main state, or null for kinds that only report.</summary>
    public static byte[]? RefreshGet(string controllableName) => controllableName switch
    {
        ZWaveControllableNames.OnOffSwitch => SwitchBinaryCommandClass.Get(),
        ZWaveControllableNames.DimmerLight or ZWaveControllableNames.RollerShutter => SwitchMultilevelCommandClass.Get(),
        ZWaveControllableNames.Thermostat => ThermostatSetpointCommandClass.Get(ThermostatSetpointCommandClass.Heating),
        _ => null,
    };

    /// <summary>Sets a level and is done when the device reports it (a full-open shutter may report 0xFF).</summary>
    private static ZWaveCommandPlan Level(byte level, byte[]? get) =>
        new([SwitchMultilevelCommandClass.Set(level)], get, r => r is LevelReport { Level: { } reported } && (reported == level || (level == SwitchMultilevelCommandClass.MaxLevel && reported == 0xFF)));

    private static ZWaveCommandPlan TargetTemperature(double celsius) =>
        new([ThermostatSetpointCommandClass.Set(ThermostatSetpointCommandClass.Heating, celsius)], ThermostatSetpointCommandClass.Get(ThermostatSetpointCommandClass.Heating),
            r => r is ThermostatSetpointReport { SetpointType: ThermostatSetpointCommandClass.Heating } report && Math.Abs(Celsius(report) - celsius) < 0.05);

    private static ZWaveCommandPlan Mode(RadioCommand command)
    {
        if (command.Parameters is not [{ ValueKind: JsonValueKind.String } value, ..] || ThermostatModeCommandClass.ModeOf(value.GetString()!) is not { } mode)
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, "setOperatingMode needs one of off, heat, cool, auto, eco");
        return new([ThermostatModeCommandClass.Set(mode)], ThermostatModeCommandClass.Get(), r => r is ThermostatModeReport reported && reported.Mode == mode);
    }

    /// <summary>A setpoint in °C whatever scale the device reports it in.</summary>
    public static double Celsius(ThermostatSetpointReport report) =>
        report.Scale == ThermostatSetpointCommandClass.Fahrenheit ? Math.Round((report.Value - 32) * 5 / 9, 2) : report.Value;

    private static double Number(RadioCommand command, double min, double max)
    {
        if (command.Parameters is [{ ValueKind: JsonValueKind.Number } value, ..] && value.TryGetDouble(out var number) && number >= min && number <= max) return number;
        throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"{command.Name} needs a number {min}-{max}");
    }

    private static int Percent(RadioCommand command)
    {
        if (command.Parameters is [{ ValueKind: JsonValueKind.Number } value, ..] && value.TryGetDouble(out var number)) return (int)Math.Round(Math.Clamp(number, 0, 100));
        throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"{command.Name} needs a number 0-100");
    }
}
