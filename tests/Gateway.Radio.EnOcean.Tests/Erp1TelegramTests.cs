using Gateway.Radio.EnOcean.Protocol.Erp;
using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Tests;

public class Erp1TelegramTests
{
    [Fact]
    public void Reads_the_specification_vld_telegram()
    {
        var telegram = Telegrams.FromFrame("55 000F 07 01 2B D2DDDDDDDDDDDDDDDDDD008035C400 03FFFFFFFF4D00 36");

        Assert.Equal(Rorg.Vld, telegram.Rorg);
        Assert.Equal("DDDDDDDDDDDDDDDDDD", Hex.Of(telegram.Payload));
        Assert.Equal(0x008035C4u, telegram.SenderId);
        Assert.Equal(0, telegram.Status);
        Assert.Equal(0, telegram.RepeaterCount);
        Assert.Equal(Erp1Telegram.Broadcast, telegram.DestinationId);
        Assert.True(telegram.IsBroadcast);
        Assert.Equal(-77, telegram.Dbm);
        Assert.Equal(3, telegram.SubTelegramCount);
    }

    [Fact]
    public void Reads_a_received_4bs_telegram()
    {
        var telegram = Telegrams.FromFrame("55 000A 07 01 EB A500005508 0181B744 00 01FFFFFFFF2D00 75");

        Assert.Equal(Rorg.Bs4, telegram.Rorg);
        Assert.Equal("00005508", Hex.Of(telegram.Payload));
        Assert.Equal(0x0181B744u, telegram.SenderId);
        Assert.Equal(-45, telegram.Dbm);
        Assert.Equal(1, telegram.SubTelegramCount);
    }

    [Fact]
    public void Status_bits_and_repeater_count()
    {
        var telegram = Telegrams.FromFrame("55 0007 07 01 7A F650002989 7930 01FFFFFFFF3700 9D");

        Assert.Equal(0x30, telegram.Status);
        Assert.True(telegram.T21);
        Assert.True(telegram.Nu);
        Assert.Equal(0, telegram.RepeaterCount);
        Assert.Equal(2, (telegram with { Status = 0x32 }).RepeaterCount);
    }

    [Fact]
    public void Builds_the_packet_of_a_broadcast_4bs_telegram_byte_for_byte()
    {
        // kipe/enocean's packet-creation example: A5 32 20 89 00 from DEADBEEF, sub-telegrams 3, broadcast, dBm FF.
        var telegram = Erp1Telegram.ForSending(Rorg.Bs4, Hex.Bytes("32208900"), 0xDEADBEEF);

        Assert.Equal("55000A0701EBA532208900DEADBEEF0003FFFFFFFFFF0043", Hex.Of(telegram.ToPacket().Encode()));
    }

    [Fact]
    public void Builds_the_packet_of_an_addressed_telegram_byte_for_byte()
    {
        var telegram = Erp1Telegram.ForSending(Rorg.Bs4, Hex.Bytes("00005508"), 0x0181B744, 0xDEADBEEF);

        Assert.Equal("55000A0701EBA5000055080181B7440003DEADBEEFFF005F", Hex.Of(telegram.ToPacket().Encode()));
    }

    [Fact]
    public void Round_trips_through_packet_and_parse()
    {
        var sent = Erp1Telegram.ForSending(Rorg.Vld, [0x01, 0x1E, 0x64], 0xFFA1B200, 0x01946A2B);

        Assert.True(Erp1Telegram.TryParse(sent.ToPacket(), out var read));
        Assert.Equal(sent.Rorg, read.Rorg);
        Assert.Equal(sent.Payload, read.Payload);
        Assert.Equal(sent.SenderId, read.SenderId);
        Assert.Equal(sent.DestinationId, read.DestinationId);
        Assert.Null(read.Dbm); // dBm FF when sending means "none"
        Assert.Equal(3, read.SubTelegramCount);
    }

    [Fact]
    public void Missing_optional_data_means_broadcast_and_unknown_signal()
    {
        var packet = new Esp3Packet(Esp3PacketType.RadioErp1, Hex.Bytes("D509 01825DAB 00"), []);

        Assert.True(Erp1Telegram.TryParse(packet, out var telegram));
        Assert.Equal(Erp1Telegram.Broadcast, telegram.DestinationId);
        Assert.Null(telegram.Dbm);
        Assert.Equal(0, telegram.SubTelegramCount);
    }

    [Theory]
    [InlineData(Esp3PacketType.Response, "A500005508 0181B744 00")] // not a radio packet
    [InlineData(Esp3PacketType.RadioErp1, "A5 0181B744")]             // too short
    [InlineData(Esp3PacketType.RadioErp1, "A5000055 0181B744 00")]     // 4BS with 3 data bytes
    [InlineData(Esp3PacketType.RadioErp1, "F60000 0181B744 00")]       // RPS with 2 data bytes
    [InlineData(Esp3PacketType.RadioErp1, "D4A0FF3E000101 0181B744 00")] // UTE with 6 data bytes
    [InlineData(Esp3PacketType.RadioErp1, "D2 0181B744 00")]           // VLD without data
    public void Rejects_what_is_no_erp1_telegram(byte type, string data) =>
        Assert.False(Erp1Telegram.TryParse(new Esp3Packet(type, Hex.Bytes(data), []), out _));

    [Fact]
    public void Unknown_rorgs_are_carried_with_any_payload_length()
    {
        Assert.True(Erp1Telegram.TryParse(new Esp3Packet(Esp3PacketType.RadioErp1, Hex.Bytes("30 0102030405 0181B744 00"), []), out var telegram));
        Assert.Equal(0x30, telegram.Rorg);
        Assert.Equal(5, telegram.Payload.Length);
    }
}
