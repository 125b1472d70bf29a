using System.Globalization;
using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts;

/// <summary>
/// A paired RTS motor: the RFY address the gateway pairs it with and what it is. Its deviceURL address is the 24-bit
/// number (id &lt;&lt; 4 | unit code) in decimal, the form TaHoma RTS deviceURLs have.
/// </summary>
public sealed record RtsDevice(string Address, int Channel, RfyAddress Rfy, RfySubtype Subtype, string ControllableName)
{
    public static string AddressFor(RfyAddress rfy) => ((rfy.Id << 4) | rfy.Unit).ToString(CultureInfo.InvariantCulture);

    public static bool TryParseAddress(string address, out RfyAddress rfy)
    {
        rfy = default;
        if (!int.TryParse(address, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0xF || value > 0xFFFFFF) return false;
        rfy = new RfyAddress(value >> 4, (byte)(value & 0xF));
        return true;
    }

    public bool IsVenetian => ControllableName == RtsKinds.ExteriorVenetianBlind;
}
