using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Protocol.Erp;

/// <summary>
/// A Universal Teach-in (UTE, RORG 0xD4) query sent by a device. Payload DB6..DB0:
/// DB6 = bidirectional (bit 7), response NOT expected (bit 6), request type (bits 5..4), command (bits 3..0, 0 = query);
/// DB5 = number of channels (0xFF = all); DB4 = manufacturer id LSB; DB3 bits 2..0 = manufacturer id MSB;
/// DB2 = TYPE; DB1 = FUNC; DB0 = RORG of the EEP.
/// </summary>
public readonly record struct UteQuery(
    uint SenderId,
    byte Command,
    UteRequestType RequestType,
    bool ResponseExpected,
    bool Bidirectional,
    byte ChannelCount,
    ushort ManufacturerId,
    EepProfile Eep)
{
    public const byte CommandQuery = 0x0;
    public const byte CommandResponse = 0x1;

    /// <summary>Reads a UTE teach-in query (command 0). False for anything else, including UTE responses.</summary>
    public static bool TryParse(Erp1Telegram telegram, out UteQuery query)
    {
        query = default;
        if (telegram.Rorg != Rorg.Ute || telegram.Payload.Length != 7) return false;
        var p = telegram.Payload;
        var command = (byte)(p[0] & 0x0F);
        if (command != CommandQuery) return false;
        query = new UteQuery(
            telegram.SenderId,
            command,
            (UteRequestType)((p[0] >> 4) & 0x03),
            ResponseExpected: (p[0] & 0x40) == 0,
            Bidirectional: (p[0] & 0x80) != 0,
            ChannelCount: p[1],
            ManufacturerId: (ushort)(((p[3] & 0x07) << 8) | p[2]),
            Eep: new EepProfile(p[6], p[5], p[4]));
        return true;
    }

    /// <summary>
    /// The teach-in response (command 1) to this query, from <paramref name="gatewaySenderId"/> addressed to the device.
    /// Accepted: "teach-out accepted" when <paramref name="taughtOut"/> (the device was removed), otherwise "teach-in
    /// accepted"; not accepted: "not accepted, EEP not supported".
    /// </summary>
    public Erp1Telegram BuildResponse(uint gatewaySenderId, bool accepted, bool taughtOut = false) =>
        BuildResponse(gatewaySenderId, !accepted
            ? UteResponseResult.NotAcceptedEepNotSupported
            : taughtOut ? UteResponseResult.TeachOutAccepted : UteResponseResult.TeachInAccepted);

    /// <summary>The teach-in response (command 1) with an explicit result. Channels, manufacturer and EEP echo the query.</summary>
    public Erp1Telegram BuildResponse(uint gatewaySenderId, UteResponseResult result)
    {
        var db6 = (byte)((Bidirectional ? 0x80 : 0x00) | (((byte)result & 0x03) << 4) | CommandResponse);
        byte[] payload =
        [
            db6,
            ChannelCount,
            (byte)ManufacturerId,
            (byte)((ManufacturerId >> 8) & 0x07),
            Eep.Type,
            Eep.Func,
            Eep.Rorg,
        ];
        return Erp1Telegram.ForSending(Rorg.Ute, payload, gatewaySenderId, SenderId);
    }
}
