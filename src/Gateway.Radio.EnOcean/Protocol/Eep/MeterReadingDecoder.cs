using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// A5-12-00 counter and A5-12-01 electricity meter (automated meter reading). DB3..DB1: meter reading (24 bits);
/// DB0 bits 7..4: measurement channel (12-00) or tariff (12-01); DB0.2 data type: 0 cumulative, 1 current value;
/// DB0.1..0 divisor: reading / 1, 10, 100, 1000.
/// 12-01 cumulative is kWh, reported as <c>core:ElectricEnergyConsumptionState</c> in Wh; current is W, reported as
/// <c>core:ElectricPowerConsumptionState</c>. 12-00 cumulative is <c>core:CounterState</c>, current (per second)
/// <c>enocean:CounterRateState</c>, and its readings carry the measurement channel.
/// </summary>
internal sealed class MeterReadingDecoder(EepProfile profile, bool electricity) : IEepDecoder
{
    private static readonly double[] Divisors = [1, 10, 100, 1000];

    public EepProfile Profile { get; } = profile;

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (!FourBs.IsData(telegram)) return [];
        var db0 = FourBs.Db0(telegram);
        var value = ((FourBs.Db3(telegram) << 16) | (FourBs.Db2(telegram) << 8) | FourBs.Db1(telegram)) / Divisors[db0 & 0x03];
        var current = (db0 & 0x04) != 0;
        var state = electricity
            ? current
                ? DeviceState.Of(EepStateNames.ElectricPowerConsumptionState, value)
                : DeviceState.Of(EepStateNames.ElectricEnergyConsumptionState, value * 1000)
            : DeviceState.Of(current ? EepStateNames.CounterRateState : EepStateNames.CounterState, value);
        return [state];
    }

    public IReadOnlyList<EepReading> DecodeReadings(Erp1Telegram telegram)
    {
        var states = Decode(telegram);
        if (states.Count == 0) return [];
        return [new EepReading(electricity ? null : FourBs.Db0(telegram) >> 4, states)];
    }
}
