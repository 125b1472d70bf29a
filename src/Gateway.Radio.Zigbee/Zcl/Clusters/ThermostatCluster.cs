namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Thermostat (0x0201), ZCL spec §6.3. Temperatures are int16 hundredths of a degree Celsius.</summary>
public static class ThermostatCluster
{
    public const ushort Id = ZclClusterId.Thermostat;

    public const ushort LocalTemperature = 0x0000;
    public const ushort PiHeatingDemand = 0x0008; // uint8 percent
    public const ushort OccupiedCoolingSetpoint = 0x0011;
    public const ushort OccupiedHeatingSetpoint = 0x0012;
    public const ushort SystemMode = 0x001C; // enum8
    public const ushort RunningState = 0x0029; // map16

    public const byte SystemModeOff = 0x00;
    public const byte SystemModeAuto = 0x01;
    public const byte SystemModeCool = 0x03;
    public const byte SystemModeHeat = 0x04;
    public const byte SystemModeEmergencyHeat = 0x05;
    public const byte SystemModeFanOnly = 0x07;

    public const byte SetpointRaiseLowerCommand = 0x00;

    public static ZclFrame WriteOccupiedHeatingSetpoint(byte sequence, double celsius) =>
        ZclGlobal.WriteAttributes(sequence, (OccupiedHeatingSetpoint, ZclValue.Int16(ZclTemperature.ToCentidegrees(celsius))));

    public static ZclFrame WriteSystemMode(byte sequence, byte mode) =>
        ZclGlobal.WriteAttributes(sequence, (SystemMode, ZclValue.Enum8(mode)));
}
