using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>A5-07-01 occupancy: DB1 (PIR status) 0..127 = uncertain / no motion, 128..255 = motion detected.</summary>
internal sealed class OccupancyDecoder : IEepDecoder
{
    public EepProfile Profile { get; } = new(Rorg.Bs4, 0x07, 0x01);

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (!FourBs.IsData(telegram)) return [];
        return [DeviceState.Of(EepStateNames.OccupancyState, FourBs.Db1(telegram) >= 128 ? "personInside" : "noPersonInside")];
    }
}
