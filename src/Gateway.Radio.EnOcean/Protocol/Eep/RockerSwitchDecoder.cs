using Gateway.Core.Model;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// F6-02-01 / F6-02-02 rocker switch, 2 rockers (PTM 2xx). Data byte: R1 (bits 7..5), energy bow EB (bit 4),
/// R2 (bits 3..1), second action SA (bit 0); rocker codes 0 = AI, 1 = AO, 2 = BI, 3 = BO, named "A1", "A0", "B1", "B0".
/// The profile only covers T21 = 1 telegrams (T21 = 0 is a PTM 1xx module): those are ignored. With NU = 1
/// (N-message) the buttons are named: "A0", or "A0+B1" when a second action is valid. With NU = 0 (U-message) R1
/// counts buttons: 0 with EB = 1 is "energyBow" (bow pressed, no rocker), 3 ("3 or 4 buttons") is "multiple". EB = 0 is
/// "released". It reports <c>enocean:ButtonState</c> only: which button means on or off is the application's call.
/// </summary>
internal sealed class RockerSwitchDecoder(EepProfile profile) : IEepDecoder
{
    private static readonly string[] Buttons = ["A1", "A0", "B1", "B0"];

    public EepProfile Profile { get; } = profile;

    public IReadOnlyList<DeviceState> Decode(Erp1Telegram telegram)
    {
        if (telegram.Rorg != Rorg.Rps || telegram.Payload.Length != 1 || !telegram.T21) return [];
        var data = telegram.Payload[0];
        var r1 = data >> 5;
        var pressed = (data & 0x10) != 0;
        var r2 = (data >> 1) & 0x07;
        var secondAction = (data & 0x01) != 0;

        string? value;
        if (!pressed) value = "released";
        else if (telegram.Nu)
        {
            if (r1 > 3 || (secondAction && r2 > 3)) return [];
            value = secondAction ? $"{Buttons[r1]}+{Buttons[r2]}" : Buttons[r1];
        }
        else value = r1 switch { 0 => "energyBow", 3 => "multiple", _ => null };

        return value is null ? [] : [DeviceState.Of(EepStateNames.ButtonState, value)];
    }
}
