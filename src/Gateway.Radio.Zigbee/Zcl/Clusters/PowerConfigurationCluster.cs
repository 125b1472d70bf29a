namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Power Configuration (0x0001), ZCL spec §3.3.</summary>
public static class PowerConfigurationCluster
{
    public const ushort Id = ZclClusterId.PowerConfiguration;

    public const ushort BatteryVoltage = 0x0020; // uint8, 100 mV
    public const ushort BatteryPercentageRemaining = 0x0021; // uint8, half-percent

    /// <summary>Half-percent units to percent; 0xFF is "invalid".</summary>
    public static int? BatteryPercent(long halfPercent) =>
        halfPercent is < 0 or >= 0xFF ? null : (int)Math.Min(100, (halfPercent + 1) / 2);

    public static byte HalfPercent(int percent) => (byte)(Math.Clamp(percent, 0, 100) * 2);
}
