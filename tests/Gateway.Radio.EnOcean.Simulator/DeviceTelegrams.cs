using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Simulator;

/// <summary>What real EnOcean devices send, built byte by byte from the profile definitions.</summary>
public static class DeviceTelegrams
{
    /// <summary>Status byte of a telegram received directly (no repeater): T21 and NU clear.</summary>
    private const byte Direct = 0x00;

    public static Erp1Telegram Received(byte rorg, byte[] payload, uint sender, byte status = Direct, int dbm = -62, uint destination = Erp1Telegram.Broadcast) =>
        new(rorg, payload, sender, status, destination, dbm, 1);

    /// <summary>4BS teach-in with EEP and manufacturer (LRN type 1).</summary>
    public static Erp1Telegram TeachIn4Bs(uint sender, EepProfile eep, ushort manufacturer = 0x00B) =>
        Received(Rorg.Bs4, TeachIn.Build4BsPayload(eep, manufacturer), sender);

    /// <summary>A5-02-05: 0..40 °C, DB1 from 255 (0 °C) down to 0 (40 °C).</summary>
    public static Erp1Telegram TemperatureA50205(uint sender, double celsius)
    {
        var raw = (byte)Math.Round(255 - Math.Clamp(celsius, 0, 40) * 255 / 40);
        return Received(Rorg.Bs4, [0x00, 0x00, raw, 0x08], sender);
    }

    /// <summary>A5-04-01: humidity 0..100 % on DB2 (0..250), temperature 0..40 °C on DB1 (0..250), T-sensor bit set.</summary>
    public static Erp1Telegram TemperatureHumidityA50401(uint sender, double celsius, double humidity) =>
        Received(Rorg.Bs4, [0x00, (byte)Math.Round(humidity * 250 / 100), (byte)Math.Round(celsius * 250 / 40), 0x0A], sender);

    /// <summary>F6-02-01 N-message: a rocker button pressed (A1, A0, B1, B0), energy bow down.</summary>
    public static Erp1Telegram RockerPressed(uint sender, string button)
    {
        var code = Array.IndexOf(["A1", "A0", "B1", "B0"], button);
        if (code < 0) throw new ArgumentException($"no button {button}");
        return Received(Rorg.Rps, [(byte)((code << 5) | 0x10)], sender, status: 0x30);
    }

    /// <summary>F6-02-01 U-message: all buttons released.</summary>
    public static Erp1Telegram RockerReleased(uint sender) => Received(Rorg.Rps, [0x00], sender, status: 0x20);

    /// <summary>D5-00-01: contact closed (DB0.0 = 1) or open, LRN bit set (data telegram).</summary>
    public static Erp1Telegram Contact(uint sender, bool closed) => Received(Rorg.Bs1, [(byte)(0x08 | (closed ? 1 : 0))], sender);

    /// <summary>D5-00-01 teach-in: LRN bit clear.</summary>
    public static Erp1Telegram ContactTeachIn(uint sender) => Received(Rorg.Bs1, [0x00], sender);

    /// <summary>UTE teach-in query of a bidirectional device expecting an answer.</summary>
    public static Erp1Telegram UteTeachIn(uint sender, EepProfile eep, byte channels, ushort manufacturer = 0x046)
    {
        byte db6 = 0x80; // bidirectional, response expected (bit 6 = 0), request "teach-in or teach-out" = 0, command 0
        return Received(Rorg.Ute, [db6, channels, (byte)(manufacturer & 0xFF), (byte)((manufacturer >> 8) & 0x07), eep.Type, eep.Func, eep.Rorg], sender);
    }

    /// <summary>D2-01 CMD 4 "actuator status response": channel, output value 0..100.</summary>
    public static Erp1Telegram D201Status(uint sender, int channel, int value, uint destination = Erp1Telegram.Broadcast) =>
        Received(Rorg.Vld, [0x04, (byte)(channel & 0x1F), (byte)(value & 0x7F)], sender, destination: destination);
}
