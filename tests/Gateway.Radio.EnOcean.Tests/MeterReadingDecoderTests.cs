using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Tests;

public class MeterReadingDecoderTests
{
    [Theory]
    // DB0 = tariff << 4 | LRN 0x08 | DT << 2 | DIV
    [InlineData(0x00, 0x04, 0x00, 0x08, 1024.0 * 1000)]         // 1024 kWh cumulative → Wh
    [InlineData(0xFF, 0xFF, 0xFF, 0x0B, 16777.215 * 1000)]      // largest reading, divisor 1000
    [InlineData(0x00, 0x00, 0x00, 0x18, 0.0)]                   // zero, tariff 1
    [InlineData(0x00, 0x30, 0x39, 0x0A, 123.45 * 1000)]         // 12345 / 100 kWh
    public void A5_12_01_cumulative_is_energy_in_wh(int db3, int db2, int db1, int db0, double wh)
    {
        var states = Telegrams.Decode("A5-12-01", Telegrams.Bs4((byte)db3, (byte)db2, (byte)db1, (byte)db0));
        Assert.Equal(wh, Telegrams.Number(states, EepStateNames.ElectricEnergyConsumptionState), 3);
        Assert.Single(states);
    }

    [Theory]
    [InlineData(0x00, 0x05, 0xDC, 0x0C, 1500.0)]  // 1500 W, divisor 1
    [InlineData(0x00, 0x3A, 0x98, 0x0D, 1500.0)]  // 15000 / 10 W
    [InlineData(0x00, 0x00, 0x01, 0x0F, 0.001)]   // 1 / 1000 W
    public void A5_12_01_current_is_power_in_w(int db3, int db2, int db1, int db0, double watts)
    {
        var states = Telegrams.Decode("A5-12-01", Telegrams.Bs4((byte)db3, (byte)db2, (byte)db1, (byte)db0));
        Assert.Equal(watts, Telegrams.Number(states, EepStateNames.ElectricPowerConsumptionState), 3);
    }

    [Fact]
    public void A5_12_00_cumulative_is_a_counter_with_its_channel()
    {
        var decoder = EepDecoders.Find(EepProfile.Parse("A5-12-00"))!;
        var telegram = Telegrams.Bs4(0x00, 0x30, 0x39, 0x3A); // 12345 / 100, channel 3

        var reading = Assert.Single(decoder.DecodeReadings(telegram));
        Assert.Equal(3, reading.Channel);
        Assert.Equal(123.45, Telegrams.Number(reading.States, EepStateNames.CounterState), 3);
        Assert.Equal(123.45, Telegrams.Number(decoder.Decode(telegram), EepStateNames.CounterState), 3);
    }

    [Fact]
    public void A5_12_00_current_value_is_a_rate()
    {
        var states = Telegrams.Decode("A5-12-00", Telegrams.Bs4(0xFF, 0xFF, 0xFF, 0xFC)); // channel 15, current, divisor 1
        Assert.Equal(16777215.0, Telegrams.Number(states, EepStateNames.CounterRateState), 3);
    }

    [Fact]
    public void A5_12_01_readings_have_no_channel()
    {
        var reading = Assert.Single(EepDecoders.Find(EepProfile.Parse("A5-12-01"))!.DecodeReadings(Telegrams.Bs4(0, 0, 1, 0x38)));
        Assert.Null(reading.Channel);
    }

    [Fact]
    public void Teach_in_telegrams_are_ignored() =>
        Assert.Empty(Telegrams.Decode("A5-12-01", Telegrams.Bs4(0x48, 0x08, 0x46, 0x80)));
}
