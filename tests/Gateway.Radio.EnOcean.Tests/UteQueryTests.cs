using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Tests;

public class UteQueryTests
{
    // A real UTE query from kipe/enocean's suite: D2-01-01 actuator, manufacturer 0x03E, all channels, from 0194E3B9.
    private const string Query = "55 000D 07 01 FD D4A0FF3E000101D2 0194E3B9 00 01FFFFFFFF4000 AB";

    [Fact]
    public void Parses_the_real_query()
    {
        Assert.True(UteQuery.TryParse(Telegrams.FromFrame(Query), out var query));

        Assert.Equal(0x0194E3B9u, query.SenderId);
        Assert.Equal(UteQuery.CommandQuery, query.Command);
        Assert.True(query.Bidirectional);
        Assert.True(query.ResponseExpected);
        Assert.Equal(UteRequestType.TeachInOrOut, query.RequestType);
        Assert.Equal(0xFF, query.ChannelCount);
        Assert.Equal(0x03E, query.ManufacturerId);
        Assert.Equal("D2-01-01", query.Eep.ToString());
    }

    [Fact]
    public void Accepting_answers_the_device_with_teach_in_successful_byte_for_byte()
    {
        Assert.True(UteQuery.TryParse(Telegrams.FromFrame(Query), out var query));

        var response = query.BuildResponse(0xDEADBEEF, accepted: true);

        Assert.Equal(Rorg.Ute, response.Rorg);
        Assert.Equal(0xDEADBEEFu, response.SenderId);
        Assert.Equal(0x0194E3B9u, response.DestinationId);
        // DB6 = bidirectional | result 01 | command 1; channels, manufacturer and EEP echo the query.
        Assert.Equal("91FF3E000101D2", Hex.Of(response.Payload));
        Assert.Equal("55000D0701FDD491FF3E000101D2DEADBEEF00030194E3B9FF009F", Hex.Of(response.ToPacket().Encode()));
    }

    [Theory]
    [InlineData(false, false, 0x30)] // not accepted: EEP not supported
    [InlineData(true, true, 0x20)]   // teach-out accepted
    [InlineData(true, false, 0x10)]  // teach-in accepted
    public void Response_result_bits(bool accepted, bool taughtOut, int resultBits)
    {
        Assert.True(UteQuery.TryParse(Telegrams.FromFrame(Query), out var query));
        var response = query.BuildResponse(0xFFA1B200, accepted, taughtOut);
        Assert.Equal(resultBits, response.Payload[0] & 0x30);
        Assert.Equal(UteQuery.CommandResponse, response.Payload[0] & 0x0F);
    }

    [Theory]
    [InlineData(0x00, UteRequestType.TeachIn, true, false)]
    [InlineData(0x10, UteRequestType.TeachOut, true, false)]
    [InlineData(0x60, UteRequestType.TeachInOrOut, false, false)]
    [InlineData(0xC0, UteRequestType.TeachIn, false, true)]
    public void Db6_bits(int db6, UteRequestType type, bool responseExpected, bool bidirectional)
    {
        var telegram = Telegrams.Received(Rorg.Ute, [(byte)db6, 0x01, 0x46, 0x00, 0x05, 0x02, 0xA5]);

        Assert.True(UteQuery.TryParse(telegram, out var query));
        Assert.Equal(type, query.RequestType);
        Assert.Equal(responseExpected, query.ResponseExpected);
        Assert.Equal(bidirectional, query.Bidirectional);
        Assert.Equal(new EepProfile(0xA5, 0x02, 0x05), query.Eep);
        Assert.Equal(1, query.ChannelCount);
    }

    [Fact]
    public void Manufacturer_msb_uses_only_three_bits_of_db3()
    {
        var telegram = Telegrams.Received(Rorg.Ute, [0x80, 0x01, 0xFF, 0xFF, 0x01, 0x01, 0xD2]);
        Assert.True(UteQuery.TryParse(telegram, out var query));
        Assert.Equal(0x7FF, query.ManufacturerId);
    }

    [Fact]
    public void A_ute_response_or_another_rorg_is_no_query()
    {
        Assert.False(UteQuery.TryParse(Telegrams.Received(Rorg.Ute, Hex.Bytes("91FF3E000101D2")), out _));
        Assert.False(UteQuery.TryParse(Telegrams.Received(Rorg.Bs4, Hex.Bytes("08284680")), out _));
    }
}
