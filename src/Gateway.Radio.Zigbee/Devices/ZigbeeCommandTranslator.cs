using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;
using static Gateway.Radio.Zigbee.Devices.ZigbeeControllableNames;

namespace Gateway.Radio.Zigbee.Devices;

/// <summary>Overkiz commands to the ZCL frames that carry them out, for one endpoint of a given kind.</summary>
public static class ZigbeeCommandTranslator
{
    private const ushort IdentifySeconds = 10;

    private static readonly HashSet<string> Switches = [OnOffLight, OnOffPlug, OnOffMeteringPlug, DimmerLight, ColorTemperatureLight, ColorLight];
    private static readonly HashSet<string> Dimmers = [DimmerLight, ColorTemperatureLight, ColorLight];
    private static readonly HashSet<string> WhiteTunable = [ColorTemperatureLight, ColorLight];

    /// <summary>Throws <see cref="RadioCommandException"/>: CMDUNKNOWN for a command the kind lacks, ERROR_WHILE_EXECUTING for bad parameters.</summary>
    public static IReadOnlyList<ZclRequest> Translate(string controllableName, RadioCommand command, Func<byte> nextSequence)
    {
        var kind = controllableName;
        ZclRequest[] One(ushort cluster, ZclFrame frame) => [new ZclRequest(cluster, frame)];

        return command.Name switch
        {
            "on" when Switches.Contains(kind) => One(OnOffCluster.Id, OnOffCluster.On(nextSequence())),
            "off" when Switches.Contains(kind) => One(OnOffCluster.Id, OnOffCluster.Off(nextSequence())),
            "toggle" when Switches.Contains(kind) => One(OnOffCluster.Id, OnOffCluster.Toggle(nextSequence())),
            "setIntensity" when Dimmers.Contains(kind) =>
                One(LevelControlCluster.Id, LevelControlCluster.MoveToLevelWithOnOff(nextSequence(), LevelControlCluster.LevelFromPercent(IntParameter(command, 0, 0, 100)))),
            "setColorTemperature" when WhiteTunable.Contains(kind) =>
                One(ColorControlCluster.Id, ColorControlCluster.MoveToColorTemperature(nextSequence(), ColorControlCluster.MiredsFromKelvin(IntParameter(command, 0, 1000, 10000)))),
            "setHueAndSaturation" when kind == ColorLight =>
                One(ColorControlCluster.Id, ColorControlCluster.MoveToHueAndSaturation(nextSequence(),
                    ColorControlCluster.HueFromDegrees(NumberParameter(command, 0, 0, 360)),
                    ColorControlCluster.SaturationFromPercent(NumberParameter(command, 1, 0, 100)))),
            "open" or "up" when kind == WindowCovering => One(WindowCoveringCluster.Id, WindowCoveringCluster.UpOpen(nextSequence())),
            "close" or "down" when kind == WindowCovering => One(WindowCoveringCluster.Id, WindowCoveringCluster.DownClose(nextSequence())),
            "stop" when kind == WindowCovering => One(WindowCoveringCluster.Id, WindowCoveringCluster.Stop(nextSequence())),
            "setClosure" when kind == WindowCovering =>
                One(WindowCoveringCluster.Id, WindowCoveringCluster.GoToLiftPercentage(nextSequence(), (byte)IntParameter(command, 0, 0, 100))),
            // Overkiz position is the opposite of closure: 100 is fully open.
            "setPosition" when kind == WindowCovering =>
                One(WindowCoveringCluster.Id, WindowCoveringCluster.GoToLiftPercentage(nextSequence(), (byte)(100 - IntParameter(command, 0, 0, 100)))),
            "setTargetTemperature" when kind == Thermostat =>
                One(ThermostatCluster.Id, ThermostatCluster.WriteOccupiedHeatingSetpoint(nextSequence(), NumberParameter(command, 0, 5, 30))),
            "setOperatingMode" when kind == Thermostat =>
                One(ThermostatCluster.Id, ThermostatCluster.WriteSystemMode(nextSequence(), SystemMode(command))),
            "identify" when kind != ElectricityMeter && IsKnown(kind) => One(IdentifyCluster.Id, IdentifyCluster.Identify(nextSequence(), IdentifySeconds)),
            "refreshState" when IsKnown(kind) => Refresh(kind, nextSequence),
            _ => throw new RadioCommandException(FailureType.CommandUnknown, $"{controllableName} does not implement {command.Name}"),
        };
    }

    /// <summary>Read attributes requests for every state the kind shows: for refreshState, and after an interview.</summary>
    public static IReadOnlyList<ZclRequest> Refresh(string controllableName, Func<byte> nextSequence) =>
        [.. RefreshAttributes(controllableName).Select(r => new ZclRequest(r.Cluster, ZclGlobal.ReadAttributes(nextSequence(), r.Attributes)))];

    /// <summary>
    /// Reads of the sensing states an endpoint serves (occupancy, IAS zone status): such sensors send them only when
    /// they change, so they are read once paired (and on refresh) to be known before the first change.
    /// </summary>
    public static IReadOnlyList<ZclRequest> SensorReads(string controllableName, IReadOnlyCollection<ushort> inClusters, Func<byte> nextSequence)
    {
        var reads = new List<ZclRequest>();
        if (controllableName == OccupancySensor && inClusters.Contains(OccupancySensingCluster.Id))
            reads.Add(new ZclRequest(OccupancySensingCluster.Id, ZclGlobal.ReadAttributes(nextSequence(), [OccupancySensingCluster.Occupancy])));
        if (ZigbeeDeviceMapper.ZoneTypeOf(controllableName) is not null && inClusters.Contains(IasZoneCluster.Id))
            reads.Add(new ZclRequest(IasZoneCluster.Id, ZclGlobal.ReadAttributes(nextSequence(), [IasZoneCluster.ZoneStatus])));
        return reads;
    }

    private static IEnumerable<(ushort Cluster, ushort[] Attributes)> RefreshAttributes(string kind)
    {
        if (Switches.Contains(kind)) yield return (OnOffCluster.Id, [OnOffCluster.OnOffAttribute]);
        if (Dimmers.Contains(kind)) yield return (LevelControlCluster.Id, [LevelControlCluster.CurrentLevel]);
        if (kind == ColorTemperatureLight) yield return (ColorControlCluster.Id, [ColorControlCluster.ColorTemperatureMireds]);
        if (kind == ColorLight) yield return (ColorControlCluster.Id, [ColorControlCluster.ColorTemperatureMireds, ColorControlCluster.CurrentHue, ColorControlCluster.CurrentSaturation]);
        if (kind is OnOffMeteringPlug or ElectricityMeter)
        {
            yield return (ElectricalMeasurementCluster.Id, [ElectricalMeasurementCluster.ActivePower, .. ElectricalMeasurementCluster.PowerScalingAttributes]);
            yield return (MeteringCluster.Id, [MeteringCluster.CurrentSummationDelivered, .. MeteringCluster.ScalingAttributes]);
        }
        if (kind == WindowCovering) yield return (WindowCoveringCluster.Id, [WindowCoveringCluster.CurrentPositionLiftPercentage]);
        if (kind == Thermostat) yield return (ThermostatCluster.Id, [ThermostatCluster.LocalTemperature, ThermostatCluster.OccupiedHeatingSetpoint, ThermostatCluster.SystemMode]);
    }

    private static bool IsKnown(string kind) => All.Contains(kind);

    private static byte SystemMode(RadioCommand command) => StringParameter(command, 0) switch
    {
        "off" => ThermostatCluster.SystemModeOff,
        "heat" => ThermostatCluster.SystemModeHeat,
        "cool" => ThermostatCluster.SystemModeCool,
        "auto" => ThermostatCluster.SystemModeAuto,
        var other => throw BadParameter(command, $"operating mode {other} is not off, heat, cool or auto"),
    };

    private static JsonElement Parameter(RadioCommand command, int index) =>
        index < command.Parameters.Count ? command.Parameters[index] : throw BadParameter(command, $"parameter {index + 1} is missing");

    private static int IntParameter(RadioCommand command, int index, int min, int max)
    {
        var value = Parameter(command, index);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw BadParameter(command, $"parameter {index + 1} must be an integer");
        if (number < min || number > max) throw BadParameter(command, $"parameter {index + 1} must be between {min} and {max}");
        return number;
    }

    private static double NumberParameter(RadioCommand command, int index, double min, double max)
    {
        var value = Parameter(command, index);
        if (value.ValueKind != JsonValueKind.Number) throw BadParameter(command, $"parameter {index + 1} must be a number");
        var number = value.GetDouble();
        if (number < min || number > max) throw BadParameter(command, $"parameter {index + 1} must be between {min} and {max}");
        return number;
    }

    private static string StringParameter(RadioCommand command, int index)
    {
        var value = Parameter(command, index);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw BadParameter(command, $"parameter {index + 1} must be a string");
    }

    private static RadioCommandException BadParameter(RadioCommand command, string reason) =>
        new(FailureType.ErrorWhileExecuting, $"{command.Name}: {reason}");
}
