using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// A5-06-01/02/05 light sensors: DB0.0 (range select) = 0 reads ILL1 from DB1, = 1 reads ILL2 from DB2, each 0..255
/// mapped linearly onto its own lux range (A5-06-02: ILL1 0..1020 lx, ILL2 0..510 lx).
/// </summary>
internal sealed class LightSensorDecoder(EepProfile profile, double ill1Min, double ill1Max, double ill2Min, double ill2Max) : IEepDecoder
{
    public EepProfile Profile { get; } = profile;

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (!FourBs.IsData(telegram)) return [];
        var lux = (FourBs.Db0(telegram) & 0x01) == 0
            ? FourBs.Scale(FourBs.Db1(telegram), 0, 255, ill1Min, ill1Max)
            : FourBs.Scale(FourBs.Db2(telegram), 0, 255, ill2Min, ill2Max);
        return [DeviceState.Of(EepStateNames.LuminanceState, lux)];
    }
}
