using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// A5-02-xx temperature sensors. 8-bit types: DB1 255..0 maps linearly onto [min, max] °C. 10-bit types (20, 30):
/// DB2.1..0 and DB1 form a value 1023..0, mapped likewise.
/// </summary>
internal sealed class TemperatureDecoder(EepProfile profile, double min, double max, bool tenBit) : IEepDecoder
{
    public EepProfile Profile { get; } = profile;

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (!FourBs.IsData(telegram)) return [];
        var celsius = tenBit
            ? FourBs.Scale(((FourBs.Db2(telegram) & 0x03) << 8) | FourBs.Db1(telegram), 1023, 0, min, max)
            : FourBs.Scale(FourBs.Db1(telegram), 255, 0, min, max);
        return [DeviceState.Of(EepStateNames.TemperatureState, celsius)];
    }
}
