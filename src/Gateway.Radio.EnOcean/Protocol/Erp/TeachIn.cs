using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Protocol.Erp;

/// <summary>
/// Teach-in telegrams of the 1BS and 4BS profiles. The LRN bit DB0.3 is 0 in a teach-in telegram and 1 in a data telegram.
/// A 4BS teach-in with "LRN type" DB0.7 = 1 carries its EEP: FUNC (6 bits) in DB3.7..2, TYPE (7 bits) in DB3.1..0 and
/// DB2.7..3, manufacturer id (11 bits) in DB2.2..0 and DB1.
/// </summary>
public static class TeachIn
{
    public const byte LrnBit = 0x08;
    public const byte LrnTypeBit = 0x80;

    public static bool Is4BsTeachIn(Erp1Telegram telegram) =>
        telegram.Rorg == Rorg.Bs4 && telegram.Payload.Length == 4 && (telegram.Payload[3] & LrnBit) == 0;

    public static bool Is1BsTeachIn(Erp1Telegram telegram) =>
        telegram.Rorg == Rorg.Bs1 && telegram.Payload.Length == 1 && (telegram.Payload[0] & LrnBit) == 0;

    /// <summary>
    /// Reads the EEP and manufacturer of a 4BS teach-in telegram "variation 2" (with EEP). False when the telegram is
    /// no 4BS teach-in or is a teach-in without EEP (LRN type 0), whose profile must come from elsewhere.
    /// </summary>
    public static bool TryParse4Bs(Erp1Telegram telegram, out EepProfile profile, out ushort manufacturerId)
    {
        profile = default;
        manufacturerId = 0;
        if (!Is4BsTeachIn(telegram)) return false;
        var p = telegram.Payload;
        if ((p[3] & LrnTypeBit) == 0) return false;
        var func = (byte)(p[0] >> 2);
        var type = (byte)(((p[0] & 0x03) << 5) | (p[1] >> 3));
        manufacturerId = (ushort)(((p[1] & 0x07) << 8) | p[2]);
        profile = new EepProfile(Rorg.Bs4, func, type);
        return true;
    }

    /// <summary>The 4 data bytes of a 4BS teach-in telegram with EEP (LRN type 1, LRN bit 0).</summary>
    public static byte[] Build4BsPayload(EepProfile profile, ushort manufacturerId)
    {
        if (profile.Func > 0x3F) throw new ArgumentOutOfRangeException(nameof(profile), "FUNC has 6 bits in a 4BS teach-in.");
        if (profile.Type > 0x7F) throw new ArgumentOutOfRangeException(nameof(profile), "TYPE has 7 bits in a 4BS teach-in.");
        if (manufacturerId > 0x7FF) throw new ArgumentOutOfRangeException(nameof(manufacturerId), "The manufacturer id has 11 bits.");
        return
        [
            (byte)((profile.Func << 2) | (profile.Type >> 5)),
            (byte)(((profile.Type & 0x1F) << 3) | (manufacturerId >> 8)),
            (byte)manufacturerId,
            LrnTypeBit,
        ];
    }
}
