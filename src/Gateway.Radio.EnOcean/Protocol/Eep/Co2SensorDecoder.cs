using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// A5-09-04 CO2 sensor (EEP 2.6): DB3 humidity 0..200 → 0..100 % (0.5 % steps), DB2 CO2 0..255 → 0..2550 ppm
/// (10 ppm steps), DB1 temperature 0..255 → 0..51 °C (0.2 °C steps); DB0.2 humidity sensor available,
/// DB0.1 temperature sensor available. Humidity above 200 is outside the range and not reported.
/// </summary>
internal sealed class Co2SensorDecoder : IEepDecoder
{
    public EepProfile Profile { get; } = new(Rorg.Bs4, 0x09, 0x04);

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (!FourBs.IsData(telegram)) return [];
        var db0 = FourBs.Db0(telegram);
        var states = new List<DeviceState>(3) { DeviceState.Of(EepStateNames.Co2ConcentrationState, FourBs.Db2(telegram) * 10.0) };
        var humidity = FourBs.Db3(telegram);
        if ((db0 & 0x04) != 0 && humidity <= 200) states.Add(DeviceState.Of(EepStateNames.RelativeHumidityState, humidity * 0.5));
        if ((db0 & 0x02) != 0) states.Add(DeviceState.Of(EepStateNames.TemperatureState, FourBs.Db1(telegram) * 0.2));
        return states;
    }
}
