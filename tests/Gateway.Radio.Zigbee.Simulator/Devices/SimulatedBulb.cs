using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Simulator.Devices;

/// <summary>A colour-temperature bulb (HA device 0x010C) on endpoint 1: on/off, level and colour temperature, changing at once.</summary>
public sealed class SimulatedBulb : SimulatedZigbeeDevice
{
    public const byte Endpoint = 1;
    public const ushort MinMireds = 153;
    public const ushort MaxMireds = 454;

    public SimulatedBulb(ulong ieee, ushort networkAddress, string manufacturer = "IKEA of Sweden", string model = "TRADFRI bulb E27 WS opal 980lm")
        : base(ieee, networkAddress, manufacturer, model, ZigbeePowerSource.Mains)
    {
        AddEndpoint(Endpoint, 0x010C, [ZclClusterId.Groups, ZclClusterId.Scenes, ZclClusterId.OnOff, ZclClusterId.LevelControl, ZclClusterId.ColorControl], [ZclClusterId.Ota]);
        Define(Endpoint, OnOffCluster.Id, OnOffCluster.OnOffAttribute, ZclValue.Boolean(false));
        Define(Endpoint, LevelControlCluster.Id, LevelControlCluster.CurrentLevel, ZclValue.UInt8(LevelControlCluster.MaximumLevel));
        Define(Endpoint, ColorControlCluster.Id, ColorControlCluster.ColorTemperatureMireds, ZclValue.UInt16(370));
        Define(Endpoint, ColorControlCluster.Id, ColorControlCluster.ColorMode, ZclValue.Enum8(2));
        Define(Endpoint, ColorControlCluster.Id, ColorControlCluster.ColorCapabilities, ZclValue.Map16(ColorControlCluster.CapabilityColorTemperature));
        Define(Endpoint, ColorControlCluster.Id, ColorControlCluster.ColorTempPhysicalMinMireds, ZclValue.UInt16(MinMireds));
        Define(Endpoint, ColorControlCluster.Id, ColorControlCluster.ColorTempPhysicalMaxMireds, ZclValue.UInt16(MaxMireds));
    }

    public bool IsOn => Attribute(Endpoint, OnOffCluster.Id, OnOffCluster.OnOffAttribute)!.AsBool();
    public byte Level => (byte)Attribute(Endpoint, LevelControlCluster.Id, LevelControlCluster.CurrentLevel)!.Integer;
    public ushort Mireds => (ushort)Attribute(Endpoint, ColorControlCluster.Id, ColorControlCluster.ColorTemperatureMireds)!.Integer;

    /// <summary>Someone flips the wall switch or uses a remote: the change is reported unprompted.</summary>
    public void SwitchLocally(bool on)
    {
        Set(Endpoint, OnOffCluster.Id, OnOffCluster.OnOffAttribute, ZclValue.Boolean(on));
        Flush();
    }

    protected override ZclStatus? OnClusterCommand(byte endpoint, ushort cluster, ZclFrame frame)
    {
        switch (cluster)
        {
            case OnOffCluster.Id:
                bool? on = frame.CommandId switch
                {
                    OnOffCluster.OnCommand => true,
                    OnOffCluster.OffCommand => false,
                    OnOffCluster.ToggleCommand => !IsOn,
                    _ => null,
                };
                if (on is null) return null;
                Set(endpoint, OnOffCluster.Id, OnOffCluster.OnOffAttribute, ZclValue.Boolean(on.Value));
                return ZclStatus.Success;
            case LevelControlCluster.Id:
                if (!LevelControlCluster.TryParseMoveToLevel(frame, out var level, out _, out var withOnOff))
                    return frame.CommandId is LevelControlCluster.MoveToLevelCommand or LevelControlCluster.MoveToLevelWithOnOffCommand ? ZclStatus.MalformedCommand : null;
                if (level > LevelControlCluster.MaximumLevel) return ZclStatus.InvalidValue;
                // With on/off, level 0 turns the light off and keeps the last level for the next "on" (ZCL spec §3.10.2.4.1.1).
                if (withOnOff) Set(endpoint, OnOffCluster.Id, OnOffCluster.OnOffAttribute, ZclValue.Boolean(level > 0));
                if (level > 0 || !withOnOff) Set(endpoint, LevelControlCluster.Id, LevelControlCluster.CurrentLevel, ZclValue.UInt8(level));
                return ZclStatus.Success;
            case ColorControlCluster.Id:
                if (!ColorControlCluster.TryParseMoveToColorTemperature(frame, out var mireds, out _))
                    return frame.CommandId == ColorControlCluster.MoveToColorTemperatureCommand ? ZclStatus.MalformedCommand : null;
                Set(endpoint, ColorControlCluster.Id, ColorControlCluster.ColorTemperatureMireds, ZclValue.UInt16(Math.Clamp(mireds, MinMireds, MaxMireds)));
                return ZclStatus.Success;
            default:
                return null;
        }
    }
}
