using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// A5-04-01 (0..40 °C) and A5-04-02 (-20..60 °C): DB2 humidity 0..250 → 0..100 %, DB1 temperature 0..250 → [min, max] °C,
/// DB0.1 temperature sensor available. Raw values above 250 are outside the profile's range and are not reported.
/// </summary>
internal sealed class TemperatureHumidityDecoder(EepProfile profile, double min, double max) : IEepDecoder
{
    public EepProfile Profile { get; } = profile;

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (!FourBs.IsData(telegram)) return [];
        var states = new List<DeviceState>(2);
        var temperatureAvailable = (FourBs.Db0(telegram) & 0x02) != 0;
        var rawTemperature = FourBs.Db1(telegram);
        if (temperatureAvailable && rawTemperature <= 250)
            states.Add(DeviceState.Of(EepStateNames.TemperatureState, FourBs.Scale(rawTemperature, 0, 250, min, max)));
        var rawHumidity = FourBs.Db2(telegram);
        if (rawHumidity <= 250)
            states.Add(DeviceState.Of(EepStateNames.RelativeHumidityState, FourBs.Scale(rawHumidity, 0, 250, 0, 100)));
        return states;
    }
}
