using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Tests;

public class TemperatureDecoderTests
{
    [Fact]
    public void Real_a5_02_05_telegram_reads_26_7_degrees()
    {
        // kipe/enocean's example: DB1 = 0x55 (85) → 40 × (255 − 85) / 255 = 26.667 °C.
        var telegram = Telegrams.FromFrame("55 000A 07 01 EB A500005508 0181B744 00 01FFFFFFFF2D00 75");
        Assert.Equal(26.667, Telegrams.Number(Telegrams.Decode("A5-02-05", telegram), EepStateNames.TemperatureState), 3);
    }

    // EEP 2.6 table: DB1 = 255 is the range's minimum, DB1 = 0 its maximum.
    [Theory]
    [InlineData("A5-02-01", -40, 0)]
    [InlineData("A5-02-02", -30, 10)]
    [InlineData("A5-02-03", -20, 20)]
    [InlineData("A5-02-04", -10, 30)]
    [InlineData("A5-02-05", 0, 40)]
    [InlineData("A5-02-06", 10, 50)]
    [InlineData("A5-02-07", 20, 60)]
    [InlineData("A5-02-08", 30, 70)]
    [InlineData("A5-02-09", 40, 80)]
    [InlineData("A5-02-0A", 50, 90)]
    [InlineData("A5-02-0B", 60, 100)]
    [InlineData("A5-02-10", -60, 20)]
    [InlineData("A5-02-11", -50, 30)]
    [InlineData("A5-02-12", -40, 40)]
    [InlineData("A5-02-13", -30, 50)]
    [InlineData("A5-02-14", -20, 60)]
    [InlineData("A5-02-15", -10, 70)]
    [InlineData("A5-02-16", 0, 80)]
    [InlineData("A5-02-17", 10, 90)]
    [InlineData("A5-02-18", 20, 100)]
    [InlineData("A5-02-19", 30, 110)]
    [InlineData("A5-02-1A", 40, 120)]
    [InlineData("A5-02-1B", 50, 130)]
    public void Eight_bit_types_map_255_to_min_and_0_to_max(string profile, double min, double max)
    {
        Assert.Equal(min, Telegrams.Number(Telegrams.Decode(profile, Telegrams.Bs4(0, 0, 255, 0x08)), EepStateNames.TemperatureState), 3);
        Assert.Equal(max, Telegrams.Number(Telegrams.Decode(profile, Telegrams.Bs4(0, 0, 0, 0x08)), EepStateNames.TemperatureState), 3);
        var middle = min + (max - min) * (255 - 128) / 255.0;
        Assert.Equal(middle, Telegrams.Number(Telegrams.Decode(profile, Telegrams.Bs4(0, 0, 128, 0x08)), EepStateNames.TemperatureState), 3);
    }

    [Theory]
    [InlineData("A5-02-20", -10, 41.2)]
    [InlineData("A5-02-30", -40, 62.3)]
    public void Ten_bit_types_map_1023_to_min_and_0_to_max(string profile, double min, double max)
    {
        Assert.Equal(min, Telegrams.Number(Telegrams.Decode(profile, Telegrams.Bs4(0, 0x03, 0xFF, 0x08)), EepStateNames.TemperatureState), 3);
        Assert.Equal(max, Telegrams.Number(Telegrams.Decode(profile, Telegrams.Bs4(0, 0x00, 0x00, 0x08)), EepStateNames.TemperatureState), 3);
        // Only DB2 bits 1..0 belong to the value: upper bits are ignored. 0x200 = 512 → min + (1023 − 512) × span / 1023.
        var expected = min + (max - min) * (1023 - 512) / 1023.0;
        Assert.Equal(expected, Telegrams.Number(Telegrams.Decode(profile, Telegrams.Bs4(0xFF, 0xFE, 0x00, 0x08)), EepStateNames.TemperatureState), 3);
    }

    [Fact]
    public void Teach_in_telegrams_give_no_temperature() =>
        Assert.Empty(Telegrams.Decode("A5-02-05", Telegrams.Bs4(0x08, 0x28, 0x46, 0x80)));

    [Fact]
    public void Every_a5_02_type_of_the_specification_is_registered()
    {
        byte[] types = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x20, 0x30];
        foreach (var type in types) Assert.NotNull(EepDecoders.Find(new EepProfile(0xA5, 0x02, type)));
        Assert.Null(EepDecoders.Find(new EepProfile(0xA5, 0x02, 0x0C)));
    }
}
