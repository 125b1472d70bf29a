namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Electrical Measurement (0x0B04), ZCL spec §4.9. AC values are scaled by their multiplier/divisor pair.</summary>
public static class ElectricalMeasurementCluster
{
    public const ushort Id = ZclClusterId.ElectricalMeasurement;

    public const ushort RmsVoltage = 0x0505; // uint16
    public const ushort RmsCurrent = 0x0508; // uint16
    public const ushort ActivePower = 0x050B; // int16
    public const ushort AcVoltageMultiplier = 0x0600;
    public const ushort AcVoltageDivisor = 0x0601;
    public const ushort AcCurrentMultiplier = 0x0602;
    public const ushort AcCurrentDivisor = 0x0603;
    public const ushort AcPowerMultiplier = 0x0604;
    public const ushort AcPowerDivisor = 0x0605;

    public static readonly ushort[] PowerScalingAttributes = [AcPowerMultiplier, AcPowerDivisor];

    /// <summary>raw · multiplier / divisor; a zero multiplier or divisor (not yet read) counts as 1.</summary>
    public static double Scale(long raw, long multiplier, long divisor) =>
        raw * (double)(multiplier == 0 ? 1 : multiplier) / (divisor == 0 ? 1 : divisor);
}
