using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean.Tests;

public class EepProfileTests
{
    [Theory]
    [InlineData("A5-02-05", 0xA5, 0x02, 0x05)]
    [InlineData("d2-01-0b", 0xD2, 0x01, 0x0B)]
    [InlineData("F6-02-01", 0xF6, 0x02, 0x01)]
    public void Parses(string text, int rorg, int func, int type) =>
        Assert.Equal(new EepProfile((byte)rorg, (byte)func, (byte)type), EepProfile.Parse(text));

    [Fact]
    public void Prints_upper_case_with_dashes() => Assert.Equal("D2-01-0B", new EepProfile(0xD2, 0x01, 0x0B).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("A50205")]
    [InlineData("A5-02-5")]
    [InlineData("A5_02_05")]
    [InlineData("G5-02-05")]
    [InlineData("A5-02-05-")]
    [InlineData(null)]
    public void Rejects_other_forms(string? text)
    {
        Assert.False(EepProfile.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => EepProfile.Parse(text));
    }

    [Fact]
    public void Every_registered_decoder_is_found_under_its_own_profile()
    {
        Assert.NotEmpty(EepDecoders.All);
        foreach (var decoder in EepDecoders.All) Assert.Same(decoder, EepDecoders.Find(decoder.Profile));
        Assert.Null(EepDecoders.Find(EepProfile.Parse("A5-3F-7F")));
    }
}
