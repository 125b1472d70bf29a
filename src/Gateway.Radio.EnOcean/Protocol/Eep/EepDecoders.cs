using System.Collections.Frozen;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>The registry of supported profiles: one decoder per EEP.</summary>
public static class EepDecoders
{
    // A5-02-xx ranges (EEP 2.6): type → (min °C, max °C, 10-bit).
    private static readonly (byte Type, double Min, double Max, bool TenBit)[] TemperatureRanges =
    [
        (0x01, -40, 0, false), (0x02, -30, 10, false), (0x03, -20, 20, false), (0x04, -10, 30, false),
        (0x05, 0, 40, false), (0x06, 10, 50, false), (0x07, 20, 60, false), (0x08, 30, 70, false),
        (0x09, 40, 80, false), (0x0A, 50, 90, false), (0x0B, 60, 100, false),
        (0x10, -60, 20, false), (0x11, -50, 30, false), (0x12, -40, 40, false), (0x13, -30, 50, false),
        (0x14, -20, 60, false), (0x15, -10, 70, false), (0x16, 0, 80, false), (0x17, 10, 90, false),
        (0x18, 20, 100, false), (0x19, 30, 110, false), (0x1A, 40, 120, false), (0x1B, 50, 130, false),
        (0x20, -10, 41.2, true), (0x30, -40, 62.3, true),
    ];

    /// <summary>D2-01 types 0x00..0x12 share the command set decoded here.</summary>
    public const byte D201LastType = 0x12;

    private static readonly FrozenDictionary<EepProfile, IEepDecoder> Decoders = Build().ToFrozenDictionary(d => d.Profile);

    /// <summary>Every registered decoder.</summary>
    public static IReadOnlyCollection<IEepDecoder> All => Decoders.Values;

    /// <summary>The decoder of <paramref name="profile"/>, or null when the profile is not supported.</summary>
    public static IEepDecoder? Find(EepProfile profile) => Decoders.GetValueOrDefault(profile);

    private static IEnumerable<IEepDecoder> Build()
    {
        yield return new RockerSwitchDecoder(new EepProfile(Rorg.Rps, 0x02, 0x01));
        yield return new RockerSwitchDecoder(new EepProfile(Rorg.Rps, 0x02, 0x02));
        yield return new SingleContactDecoder();
        foreach (var (type, min, max, tenBit) in TemperatureRanges)
            yield return new TemperatureDecoder(new EepProfile(Rorg.Bs4, 0x02, type), min, max, tenBit);
        yield return new TemperatureHumidityDecoder(new EepProfile(Rorg.Bs4, 0x04, 0x01), 0, 40);
        yield return new TemperatureHumidityDecoder(new EepProfile(Rorg.Bs4, 0x04, 0x02), -20, 60);
        yield return new LightSensorDecoder(new EepProfile(Rorg.Bs4, 0x06, 0x01), 600, 60000, 300, 30000);
        yield return new LightSensorDecoder(new EepProfile(Rorg.Bs4, 0x06, 0x02), 0, 1020, 0, 510);
        yield return new LightSensorDecoder(new EepProfile(Rorg.Bs4, 0x06, 0x05), 0, 10200, 0, 5100);
        yield return new OccupancyDecoder();
        yield return new Co2SensorDecoder();
        yield return new MeterReadingDecoder(new EepProfile(Rorg.Bs4, 0x12, 0x00), electricity: false);
        yield return new MeterReadingDecoder(new EepProfile(Rorg.Bs4, 0x12, 0x01), electricity: true);
        for (byte type = 0x00; type <= D201LastType; type++)
            yield return new D201Decoder(new EepProfile(Rorg.Vld, 0x01, type));
    }
}
