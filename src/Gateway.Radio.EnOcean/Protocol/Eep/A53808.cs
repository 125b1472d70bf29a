using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// A5-38-08 "Central Command, Gateway": the 4BS telegrams the gateway sends to switch and dim actuators.
/// DB3 is the command id; DB0.3 is the LRN bit (1 = data telegram).
/// </summary>
public static class A53808
{
    public const byte CommandSwitching = 0x01;
    public const byte CommandDimming = 0x02;

    /// <summary>The manufacturer id the gateway's teach-in uses: 0x7FF, "multi user manufacturer".</summary>
    public const ushort MultiUserManufacturer = 0x7FF;

    public static readonly EepProfile Profile = new(Rorg.Bs4, 0x38, 0x08);

    /// <summary>
    /// Command 1 "Switching": DB3 = 0x01; DB2..DB1 = time in 1/10 s (0 = none); DB0: LRN (bit 3) = 1, lock (bit 2) = 0,
    /// delay/duration (bit 1) = 0, switching (bit 0) = on.
    /// </summary>
    public static Erp1Telegram Switching(uint senderId, bool on, uint destination = Erp1Telegram.Broadcast) =>
        Erp1Telegram.ForSending(Rorg.Bs4, [CommandSwitching, 0x00, 0x00, (byte)(Erp.TeachIn.LrnBit | (on ? 0x01 : 0x00))], senderId, destination);

    /// <summary>
    /// Command 2 "Dimming": DB3 = 0x02; DB2 = dim value; DB1 = ramp time in seconds (0 = none); DB0: LRN (bit 3) = 1,
    /// EDIM R (bit 2) per <paramref name="encoding"/>, store final value (bit 1) = 0, switching (bit 0) = on.
    /// </summary>
    public static Erp1Telegram Dimming(
        uint senderId,
        int percent,
        int rampSeconds,
        bool on,
        uint destination = Erp1Telegram.Broadcast,
        A53808DimEncoding encoding = A53808DimEncoding.AbsolutePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(rampSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rampSeconds, 255);
        var value = encoding == A53808DimEncoding.Absolute255
            ? (byte)Math.Round(percent * 255 / 100.0, MidpointRounding.AwayFromZero)
            : (byte)percent;
        var db0 = (byte)(Erp.TeachIn.LrnBit | (encoding == A53808DimEncoding.RelativePercent ? 0x04 : 0x00) | (on ? 0x01 : 0x00));
        return Erp1Telegram.ForSending(Rorg.Bs4, [CommandDimming, value, (byte)rampSeconds, db0], senderId, destination);
    }

    /// <summary>
    /// The 4BS teach-in telegram (LRN type 1, LRN bit 0) announcing EEP A5-38-08 with manufacturer 0x7FF:
    /// payload <c>E0 47 FF 80</c>. Sent while the actuator is in learn mode.
    /// </summary>
    public static Erp1Telegram TeachIn(uint senderId, uint destination = Erp1Telegram.Broadcast) =>
        Erp1Telegram.ForSending(Rorg.Bs4, Erp.TeachIn.Build4BsPayload(Profile, MultiUserManufacturer), senderId, destination);
}
