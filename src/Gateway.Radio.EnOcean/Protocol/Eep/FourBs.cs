using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>Helpers for 4BS payloads: Payload[0] = DB3 .. Payload[3] = DB0.</summary>
internal static class FourBs
{
    /// <summary>A 4BS data telegram (LRN bit DB0.3 = 1): the only kind the sensor decoders read.</summary>
    public static bool IsData(Erp1Telegram telegram) =>
        telegram.Rorg == Rorg.Bs4 && telegram.Payload.Length == 4 && (telegram.Payload[3] & TeachIn.LrnBit) != 0;

    public static byte Db3(Erp1Telegram t) => t.Payload[0];
    public static byte Db2(Erp1Telegram t) => t.Payload[1];
    public static byte Db1(Erp1Telegram t) => t.Payload[2];
    public static byte Db0(Erp1Telegram t) => t.Payload[3];

    /// <summary>Linear scaling of a raw value from [rangeMin, rangeMax] to [scaleMin, scaleMax] (ranges may be inverted).</summary>
    public static double Scale(int raw, int rangeMin, int rangeMax, double scaleMin, double scaleMax) =>
        scaleMin + (raw - rangeMin) * (scaleMax - scaleMin) / (rangeMax - rangeMin);
}
