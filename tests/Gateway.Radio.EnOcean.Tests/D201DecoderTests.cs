using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Tests;

public class D201DecoderTests
{
    private static IEepDecoder Decoder(string profile = "D2-01-12") => EepDecoders.Find(EepProfile.Parse(profile))!;

    [Theory]
    [InlineData("04 60 E4", 0, "on", 100)]  // channel 0, error level "not supported", local control, 100 %
    [InlineData("04 60 80", 0, "off", 0)]   // off
    [InlineData("04 01 32", 1, "on", 50)]   // channel 1 at 50 %
    [InlineData("04 1D 01", 29, "on", 1)]   // last output channel, 1 %
    public void Status_response_gives_on_off_and_level_of_its_channel(string payload, int channel, string onOff, int level)
    {
        var reading = Assert.Single(Decoder().DecodeReadings(Telegrams.Received(Rorg.Vld, Hex.Bytes(payload))));

        Assert.Equal(channel, reading.Channel);
        Assert.Equal(onOff, Telegrams.Text(reading.States, EepStateNames.OnOffState));
        Assert.Equal(level, Telegrams.Integer(reading.States, EepStateNames.LightIntensityState));
    }

    [Fact]
    public void Status_with_unknown_output_value_names_the_channel_without_states()
    {
        var reading = Assert.Single(Decoder().DecodeReadings(Telegrams.Received(Rorg.Vld, Hex.Bytes("04 02 7F"))));
        Assert.Equal(2, reading.Channel);
        Assert.Empty(reading.States);
        Assert.Empty(Decoder().Decode(Telegrams.Received(Rorg.Vld, Hex.Bytes("04 02 7F"))));
    }

    [Fact]
    public void Status_response_error_bits_are_parsed()
    {
        Assert.True(D201ActuatorStatus.TryParse(Hex.Bytes("C4 C3 7F"), out var status));
        Assert.True(status.PowerFailureDetectionEnabled);
        Assert.True(status.PowerFailureDetected);
        Assert.True(status.OverCurrentSwitchOff);
        Assert.Equal(2, status.ErrorLevel);
        Assert.Equal(3, status.Channel);
        Assert.False(status.LocalControl);
        Assert.Equal(D201ActuatorStatus.OutputValueUnknown, status.OutputValue);
        Assert.False(status.HasOutputValue);
    }

    [Theory]
    [InlineData("07 00 00 00 0E 10", 0, 1.0)]          // 3600 Ws = 1 Wh
    [InlineData("07 21 00 00 04 D2", 1, 1234.0)]       // Wh, channel 1
    [InlineData("07 40 00 00 00 05", 0, 5000.0)]       // 5 kWh
    [InlineData("07 20 FF FF FF FF", 0, 4294967295.0)] // largest Wh value
    public void Energy_measurement_is_reported_in_wh(string payload, int channel, double wh)
    {
        var reading = Assert.Single(Decoder("D2-01-09").DecodeReadings(Telegrams.Received(Rorg.Vld, Hex.Bytes(payload))));
        Assert.Equal(channel, reading.Channel);
        Assert.Equal(wh, Telegrams.Number(reading.States, EepStateNames.ElectricEnergyConsumptionState), 3);
    }

    [Theory]
    [InlineData("07 60 00 00 00 2A", 42.0)]   // W
    [InlineData("07 60 00 00 00 00", 0.0)]
    [InlineData("07 80 00 00 00 03", 3000.0)] // kW
    public void Power_measurement_is_reported_in_w(string payload, double watts) =>
        Assert.Equal(watts, Telegrams.Number(Decoder("D2-01-0B").Decode(Telegrams.Received(Rorg.Vld, Hex.Bytes(payload))), EepStateNames.ElectricPowerConsumptionState), 3);

    [Theory]
    [InlineData("07 A0 00 00 00 01")] // unit 5 is undefined
    [InlineData("07 60 00 00 00")]    // measurement cut short
    [InlineData("04 60")]             // status cut short
    [InlineData("01 00 64")]          // a set-output command, not a report
    [InlineData("03 1E")]
    public void Other_or_broken_vld_payloads_give_nothing(string payload) =>
        Assert.Empty(Decoder().DecodeReadings(Telegrams.Received(Rorg.Vld, Hex.Bytes(payload))));

    [Fact]
    public void Types_00_to_12_are_registered()
    {
        for (byte type = 0x00; type <= 0x12; type++) Assert.NotNull(EepDecoders.Find(new EepProfile(Rorg.Vld, 0x01, type)));
    }
}
