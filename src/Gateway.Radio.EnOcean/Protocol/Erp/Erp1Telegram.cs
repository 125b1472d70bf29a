using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Protocol.Erp;

/// <summary>
/// One ERP1 radio telegram as carried by an ESP3 RADIO_ERP1 packet.
/// Data: <c>RORG | payload | sender id (4, big endian) | status</c>;
/// optional data: <c>sub-telegram count | destination id (4) | dBm (positive number meaning negative dBm) | security level</c>.
/// </summary>
/// <param name="Rorg">The radio organisation (<see cref="Erp.Rorg"/>).</param>
/// <param name="Payload">The data bytes between RORG and sender id, first byte = highest DB (DB3 of a 4BS telegram).</param>
/// <param name="SenderId">The radio id of the sender.</param>
/// <param name="Status">Status byte: T21 (bit 5) and NU (bit 4) for RPS, repeater count in bits 3..0.</param>
/// <param name="DestinationId">0xFFFFFFFF for broadcast (also when the packet had no optional data).</param>
/// <param name="Dbm">Received signal strength in dBm (negative), null when unknown.</param>
/// <param name="SubTelegramCount">Sub-telegrams received (receiving) or to send (sending, always 3 here).</param>
public sealed record Erp1Telegram(byte Rorg, byte[] Payload, uint SenderId, byte Status, uint DestinationId, int? Dbm, byte SubTelegramCount)
{
    public const uint Broadcast = 0xFFFFFFFF;

    /// <summary>Security level from the optional data (0 = not processed / none).</summary>
    public byte SecurityLevel { get; init; }

    /// <summary>How many repeaters relayed the telegram.</summary>
    public int RepeaterCount => Status & 0x0F;

    /// <summary>RPS status bit T21 (PTM module type 2).</summary>
    public bool T21 => (Status & 0x20) != 0;

    /// <summary>RPS status bit NU (1 = N-message: buttons named; 0 = U-message: buttons counted).</summary>
    public bool Nu => (Status & 0x10) != 0;

    public bool IsBroadcast => DestinationId == Broadcast;

    /// <summary>
    /// Reads a RADIO_ERP1 packet. False for other packet types, for data too short to hold RORG, sender and status,
    /// and for payloads whose length does not fit their RORG (RPS/1BS: 1, 4BS: 4, VLD: 1..14, UTE: 7).
    /// Missing optional data leaves destination broadcast, dBm null and sub-telegram count 0.
    /// </summary>
    public static bool TryParse(Esp3Packet packet, [NotNullWhen(true)] out Erp1Telegram? telegram)
    {
        telegram = null;
        return packet.PacketType == Esp3PacketType.RadioErp1 && TryParse(packet.Data, packet.OptionalData, out telegram);
    }

    /// <summary>Reads the data and optional data of a RADIO_ERP1 packet (same rules as the packet overload).</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, ReadOnlySpan<byte> optional, [NotNullWhen(true)] out Erp1Telegram? telegram)
    {
        telegram = null;
        if (data.Length < 6) return false;
        var rorg = data[0];
        var payload = data[1..^5];
        if (Erp.Rorg.PayloadLength(rorg) is { } limits && (payload.Length < limits.Min || payload.Length > limits.Max)) return false;

        byte subTelegrams = 0;
        var destination = Broadcast;
        int? dbm = null;
        byte security = 0;
        if (optional.Length >= 1) subTelegrams = optional[0];
        if (optional.Length >= 5) destination = BinaryPrimitives.ReadUInt32BigEndian(optional[1..]);
        if (optional.Length >= 6 && optional[5] != 0xFF) dbm = -optional[5];
        if (optional.Length >= 7) security = optional[6];

        telegram = new Erp1Telegram(rorg, payload.ToArray(), BinaryPrimitives.ReadUInt32BigEndian(data[^5..]), data[^1], destination, dbm, subTelegrams)
        {
            SecurityLevel = security,
        };
        return true;
    }

    /// <summary>
    /// The RADIO_ERP1 packet that sends this telegram: sub-telegram count 3, <see cref="DestinationId"/> (broadcast or
    /// addressed), dBm 0xFF (as the specification asks when sending) and security level 0. <see cref="Dbm"/> and
    /// <see cref="SubTelegramCount"/> are ignored.
    /// </summary>
    public Esp3Packet ToPacket()
    {
        var data = new byte[1 + Payload.Length + 5];
        data[0] = Rorg;
        Payload.CopyTo(data, 1);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(1 + Payload.Length), SenderId);
        data[^1] = Status;

        var optional = new byte[7];
        optional[0] = 3;
        BinaryPrimitives.WriteUInt32BigEndian(optional.AsSpan(1), DestinationId);
        optional[5] = 0xFF;
        optional[6] = 0;
        return new Esp3Packet(Esp3PacketType.RadioErp1, data, optional);
    }

    /// <summary>A telegram to send: status 0, sub-telegram count 3, no dBm.</summary>
    public static Erp1Telegram ForSending(byte rorg, byte[] payload, uint senderId, uint destinationId = Broadcast, byte status = 0) =>
        new(rorg, payload, senderId, status, destinationId, null, 3);

    public override string ToString() =>
        $"Erp1Telegram {{ Rorg = 0x{Rorg:X2}, Payload = {Convert.ToHexString(Payload)}, Sender = {SenderId:X8}, Status = 0x{Status:X2}, " +
        $"Destination = {DestinationId:X8}, Dbm = {Dbm?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, SubTelegrams = {SubTelegramCount} }}";
}
