using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Tests;

public class EncoderTests
{
    private const uint Gateway = 0xFFA1B200;
    private const uint Actuator = 0x01946A2B;

    private static string Frame(Erp1Telegram telegram) => Hex.Of(telegram.ToPacket().Encode());

    // Expected frames computed independently of this code (CRC8 poly 0x07 by a separate bitwise implementation).
    [Fact]
    public void A5_38_08_switching_on_and_off()
    {
        Assert.Equal("55000A0701EBA501000009FFA1B2000003FFFFFFFFFF00E2", Frame(A53808.Switching(Gateway, on: true)));
        Assert.Equal("55000A0701EBA501000008FFA1B2000003FFFFFFFFFF0076", Frame(A53808.Switching(Gateway, on: false)));
        Assert.Equal(Actuator, A53808.Switching(Gateway, true, Actuator).DestinationId);
    }

    [Fact]
    public void A5_38_08_dimming_writes_percent_ramp_and_flags()
    {
        Assert.Equal("55000A0701EBA502320309FFA1B2000003FFFFFFFFFF0002", Frame(A53808.Dimming(Gateway, 50, 3, on: true)));
        Assert.Equal("02000008", Hex.Of(A53808.Dimming(Gateway, 0, 0, on: false).Payload));
        Assert.Equal("0264FF09", Hex.Of(A53808.Dimming(Gateway, 100, 255, on: true).Payload));
    }

    [Fact]
    public void A5_38_08_dimming_encodings()
    {
        Assert.Equal("02800109", Hex.Of(A53808.Dimming(Gateway, 50, 1, true, encoding: A53808DimEncoding.Absolute255).Payload));
        Assert.Equal("02FF0109", Hex.Of(A53808.Dimming(Gateway, 100, 1, true, encoding: A53808DimEncoding.Absolute255).Payload));
        Assert.Equal("0232010D", Hex.Of(A53808.Dimming(Gateway, 50, 1, true, encoding: A53808DimEncoding.RelativePercent).Payload));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(101, 0)]
    [InlineData(50, 256)]
    [InlineData(50, -1)]
    public void A5_38_08_dimming_refuses_values_out_of_range(int percent, int ramp) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => A53808.Dimming(Gateway, percent, ramp, true));

    [Fact]
    public void A5_38_08_teach_in_announces_the_profile_with_manufacturer_7ff()
    {
        var telegram = A53808.TeachIn(Gateway);

        Assert.Equal("55000A0701EBA5E047FF80FFA1B2000003FFFFFFFFFF004F", Frame(telegram));
        Assert.True(TeachIn.TryParse4Bs(telegram, out var profile, out var manufacturer));
        Assert.Equal("A5-38-08", profile.ToString());
        Assert.Equal(0x7FF, manufacturer);
    }

    [Fact]
    public void D2_01_set_output_is_addressed_to_the_actuator()
    {
        Assert.Equal("5500090701 56 D2010064FFA1B20000030194 6A2BFF0068".Replace(" ", "", StringComparison.Ordinal),
            Frame(D201.SetOutput(Gateway, Actuator, 0, 100)));
        Assert.Equal("011E00", Hex.Of(D201.SetOutput(Gateway, Actuator, D201.AllChannels, 0).Payload));
        Assert.Equal("014132", Hex.Of(D201.SetOutput(Gateway, Actuator, 1, 50, dimMode: 2).Payload));
    }

    [Fact]
    public void D2_01_status_query()
    {
        Assert.Equal("5500080701 3D D2031EFFA1B20000030194 6A2BFF0031".Replace(" ", "", StringComparison.Ordinal),
            Frame(D201.StatusQuery(Gateway, Actuator, D201.AllChannels)));
        Assert.Equal("0302", Hex.Of(D201.StatusQuery(Gateway, Actuator, 2).Payload));
    }

    [Fact]
    public void D2_01_measurement_query()
    {
        Assert.Equal("0621", Hex.Of(D201.MeasurementQuery(Gateway, Actuator, 1, power: true).Payload));
        Assert.Equal("0601", Hex.Of(D201.MeasurementQuery(Gateway, Actuator, 1, power: false).Payload));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(32, 0)]
    [InlineData(0, 101)]
    [InlineData(0, -1)]
    public void D2_01_set_output_refuses_values_out_of_range(int channel, int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => D201.SetOutput(Gateway, Actuator, channel, value));

    [Fact]
    public void D2_01_status_the_actuator_would_answer_decodes_back()
    {
        // What a switch answers after SetOutput(channel 0, 100): CMD 4, channel 0, output 100.
        var decoder = EepDecoders.Find(new EepProfile(Rorg.Vld, 0x01, 0x01))!;
        var reading = Assert.Single(decoder.DecodeReadings(Telegrams.Received(Rorg.Vld, [0x04, 0x00, 0x64])));
        Assert.Equal(0, reading.Channel);
        Assert.Equal("on", Telegrams.Text(reading.States, EepStateNames.OnOffState));
    }
}
