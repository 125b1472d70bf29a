using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Tests;

public class TemperatureHumidityDecoderTests
{
    [Theory]
    [InlineData("A5-04-01", 0, 0.0, 0.0)]
    [InlineData("A5-04-01", 250, 100.0, 40.0)]
    [InlineData("A5-04-01", 125, 50.0, 20.0)]
    [InlineData("A5-04-02", 0, 0.0, -20.0)]
    [InlineData("A5-04-02", 250, 100.0, 60.0)]
    [InlineData("A5-04-02", 125, 50.0, 20.0)]
    public void Reads_humidity_and_temperature_over_0_to_250(string profile, int raw, double humidity, double temperature)
    {
        // DB0 = 0x0A: LRN bit (data telegram) and temperature sensor available.
        var states = Telegrams.Decode(profile, Telegrams.Bs4(0, (byte)raw, (byte)raw, 0x0A));

        Assert.Equal(humidity, Telegrams.Number(states, EepStateNames.RelativeHumidityState), 3);
        Assert.Equal(temperature, Telegrams.Number(states, EepStateNames.TemperatureState), 3);
    }

    [Fact]
    public void Without_the_temperature_sensor_only_humidity_is_reported()
    {
        var states = Telegrams.Decode("A5-04-01", Telegrams.Bs4(0, 100, 200, 0x08));

        Assert.Equal(40.0, Telegrams.Number(states, EepStateNames.RelativeHumidityState), 3);
        Assert.DoesNotContain(states, s => s.Name == EepStateNames.TemperatureState);
    }

    [Fact]
    public void Raw_values_above_250_are_out_of_range_and_dropped() =>
        Assert.Empty(Telegrams.Decode("A5-04-01", Telegrams.Bs4(0, 251, 255, 0x0A)));

    [Fact]
    public void Teach_in_telegrams_are_ignored() =>
        Assert.Empty(Telegrams.Decode("A5-04-02", Telegrams.Bs4(0x10, 0x10, 0x7F, 0x80)));
}
