namespace Gateway.Radio.Zigbee.Devices;

/// <summary>
/// The multiplier/divisor pairs a meter announced (Electrical Measurement AC power; Metering summation and demand, in
/// kW and kWh once scaled). The default assumes a power reading in W and a summation counting Wh, the common case of
/// plugs that do not expose their scaling.
/// </summary>
public sealed record ZigbeeMeteringScale(
    long PowerMultiplier = 1,
    long PowerDivisor = 1,
    long MeteringMultiplier = 1,
    long MeteringDivisor = 1000)
{
    public static readonly ZigbeeMeteringScale Default = new();
}
