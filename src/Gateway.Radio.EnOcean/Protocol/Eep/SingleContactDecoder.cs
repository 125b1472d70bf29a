using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>D5-00-01 single input contact: DB0.0 = 1 closed, 0 open; DB0.3 (LRN) = 0 is a teach-in telegram and is ignored.</summary>
internal sealed class SingleContactDecoder : IEepDecoder
{
    public EepProfile Profile { get; } = new(Rorg.Bs1, 0x00, 0x01);

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (telegram.Rorg != Rorg.Bs1 || telegram.Payload.Length != 1) return [];
        var db0 = telegram.Payload[0];
        if ((db0 & TeachIn.LrnBit) == 0) return [];
        return [DeviceState.Of(EepStateNames.ContactState, (db0 & 0x01) != 0 ? "closed" : "open")];
    }
}
