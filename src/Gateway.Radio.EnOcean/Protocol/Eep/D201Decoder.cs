using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// D2-01-xx electronic switches and dimmers. CMD 0x4 (status) gives <c>core:OnOffState</c> ("on" when the output value
/// is above 0) and <c>core:LightIntensityState</c> (0..100) of the channel it names, nothing when the value is 0x7F
/// (unknown); CMD 0x7 (measurement) gives <c>core:ElectricEnergyConsumptionState</c> in Wh or
/// <c>core:ElectricPowerConsumptionState</c> in W. Other commands give nothing. <see cref="DecodeReadings"/> carries the
/// I/O channel; the error and over-current bits are in <see cref="D201ActuatorStatus"/>.
/// </summary>
internal sealed class D201Decoder(EepProfile profile) : IEepDecoder
{
    public EepProfile Profile { get; } = profile;

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        var readings = DecodeReadings(telegram);
        return readings.Count == 0 ? [] : readings[0].States;
    }

    public IReadOnlyList<EepReading> DecodeReadings(Erp1Telegram telegram)
    {
        if (telegram.Rorg != Rorg.Vld) return [];
        if (D201ActuatorStatus.TryParse(telegram.Payload, out var status))
        {
            if (!status.HasOutputValue) return [new EepReading(status.Channel, [])];
            return
            [
                new EepReading(status.Channel,
                [
                    DeviceState.Of(EepStateNames.OnOffState, status.OutputValue > 0 ? "on" : "off"),
                    DeviceState.Of(EepStateNames.LightIntensityState, status.OutputValue),
                ]),
            ];
        }
        if (D201ActuatorMeasurement.TryParse(telegram.Payload, out var measurement))
        {
            var state = measurement.EnergyWh is { } wh
                ? DeviceState.Of(EepStateNames.ElectricEnergyConsumptionState, wh)
                : DeviceState.Of(EepStateNames.ElectricPowerConsumptionState, measurement.PowerW ?? 0);
            return [new EepReading(measurement.Channel, [state])];
        }
        return [];
    }
}
