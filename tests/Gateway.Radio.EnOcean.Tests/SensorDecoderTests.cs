using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Tests;

public class SensorDecoderTests
{
    [Theory]
    [InlineData(0x00, 0x00, 0x08, 0.0)]    // range select 0: ILL1 from DB1
    [InlineData(0x00, 0xFF, 0x08, 1020.0)]
    [InlineData(0xFF, 0x80, 0x08, 512.0)]  // DB2 ignored in range 0
    [InlineData(0xFF, 0x00, 0x09, 510.0)]  // range select 1: ILL2 from DB2
    [InlineData(0x64, 0xFF, 0x09, 200.0)]
    [InlineData(0x00, 0xFF, 0x09, 0.0)]
    public void A5_06_02_reads_lux_from_the_selected_range(int db2, int db1, int db0, double lux) =>
        Assert.Equal(lux, Telegrams.Number(Telegrams.Decode("A5-06-02", Telegrams.Bs4(0xC8, (byte)db2, (byte)db1, (byte)db0)), EepStateNames.LuminanceState), 3);

    [Theory]
    [InlineData("A5-06-01", 0x00, 0x08, 600.0)]
    [InlineData("A5-06-01", 0xFF, 0x08, 60000.0)]
    [InlineData("A5-06-01", 0xFF, 0x09, 30000.0)]
    [InlineData("A5-06-05", 0xFF, 0x08, 10200.0)]
    [InlineData("A5-06-05", 0xFF, 0x09, 5100.0)]
    public void Other_light_sensor_ranges(string profile, int raw, int db0, double lux) =>
        Assert.Equal(lux, Telegrams.Number(Telegrams.Decode(profile, Telegrams.Bs4(0, (byte)raw, (byte)raw, (byte)db0)), EepStateNames.LuminanceState), 3);

    [Theory]
    [InlineData(0, "noPersonInside")]
    [InlineData(127, "noPersonInside")]
    [InlineData(128, "personInside")]
    [InlineData(255, "personInside")]
    public void A5_07_01_motion_from_pir_status(int db1, string expected) =>
        Assert.Equal(expected, Telegrams.Text(Telegrams.Decode("A5-07-01", Telegrams.Bs4(0xFA, 0, (byte)db1, 0x08)), EepStateNames.OccupancyState));

    [Fact]
    public void A5_07_01_teach_in_is_ignored() =>
        Assert.Empty(Telegrams.Decode("A5-07-01", Telegrams.Bs4(0x1C, 0x08, 0xFF, 0x80)));

    [Fact]
    public void A5_09_04_reads_all_three_values_at_their_range_ends()
    {
        // DB0 = 0x0E: LRN, humidity sensor (bit 2) and temperature sensor (bit 1) available.
        var high = Telegrams.Decode("A5-09-04", Telegrams.Bs4(200, 255, 255, 0x0E));
        Assert.Equal(100.0, Telegrams.Number(high, EepStateNames.RelativeHumidityState), 3);
        Assert.Equal(2550.0, Telegrams.Number(high, EepStateNames.Co2ConcentrationState), 3);
        Assert.Equal(51.0, Telegrams.Number(high, EepStateNames.TemperatureState), 3);

        var low = Telegrams.Decode("A5-09-04", Telegrams.Bs4(0, 0, 0, 0x0E));
        Assert.Equal(0.0, Telegrams.Number(low, EepStateNames.RelativeHumidityState), 3);
        Assert.Equal(0.0, Telegrams.Number(low, EepStateNames.Co2ConcentrationState), 3);
        Assert.Equal(0.0, Telegrams.Number(low, EepStateNames.TemperatureState), 3);

        var typical = Telegrams.Decode("A5-09-04", Telegrams.Bs4(91, 62, 105, 0x0E));
        Assert.Equal(45.5, Telegrams.Number(typical, EepStateNames.RelativeHumidityState), 3);
        Assert.Equal(620.0, Telegrams.Number(typical, EepStateNames.Co2ConcentrationState), 3);
        Assert.Equal(21.0, Telegrams.Number(typical, EepStateNames.TemperatureState), 3);
    }

    [Fact]
    public void A5_09_04_reports_only_the_sensors_that_are_available()
    {
        var states = Telegrams.Decode("A5-09-04", Telegrams.Bs4(100, 40, 100, 0x08));

        Assert.Equal(400.0, Telegrams.Number(states, EepStateNames.Co2ConcentrationState), 3);
        Assert.Single(states);
    }

    [Fact]
    public void A5_09_04_humidity_above_200_is_out_of_range() =>
        Assert.DoesNotContain(Telegrams.Decode("A5-09-04", Telegrams.Bs4(201, 40, 100, 0x0E)), s => s.Name == EepStateNames.RelativeHumidityState);
}
