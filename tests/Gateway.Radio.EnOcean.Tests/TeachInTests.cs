using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Tests;

public class TeachInTests
{
    [Fact]
    public void Real_4bs_teach_in_announces_a5_02_05()
    {
        // kipe/enocean's example: A5 08 28 46 80 from 018A7B30.
        var telegram = Telegrams.FromFrame("55 000A 07 01 EB A508284680 018A7B30 00 01FFFFFFFF4900 26");

        Assert.True(TeachIn.Is4BsTeachIn(telegram));
        Assert.True(TeachIn.TryParse4Bs(telegram, out var profile, out var manufacturer));
        Assert.Equal("A5-02-05", profile.ToString());
        Assert.Equal(0x046, manufacturer);
    }

    [Fact]
    public void Field_boundaries_are_exact_for_the_widest_values()
    {
        // FUNC 0x3F, TYPE 0x7F, manufacturer 0x7FF: every bit set.
        var telegram = Telegrams.Bs4(0xFF, 0xFF, 0xFF, 0x80);

        Assert.True(TeachIn.TryParse4Bs(telegram, out var profile, out var manufacturer));
        Assert.Equal(new EepProfile(0xA5, 0x3F, 0x7F), profile);
        Assert.Equal(0x7FF, manufacturer);
    }

    [Fact]
    public void Build_and_parse_are_inverse()
    {
        var payload = TeachIn.Build4BsPayload(new EepProfile(0xA5, 0x12, 0x01), 0x00D);
        Assert.True(TeachIn.TryParse4Bs(Telegrams.Received(Rorg.Bs4, payload), out var profile, out var manufacturer));
        Assert.Equal("A5-12-01", profile.ToString());
        Assert.Equal(0x00D, manufacturer);
    }

    [Fact]
    public void Teach_in_without_eep_is_a_teach_in_but_names_no_profile()
    {
        var telegram = Telegrams.Bs4(0x00, 0x00, 0x00, 0x00);

        Assert.True(TeachIn.Is4BsTeachIn(telegram));
        Assert.False(TeachIn.TryParse4Bs(telegram, out _, out _));
    }

    [Fact]
    public void Data_telegrams_are_no_teach_in()
    {
        Assert.False(TeachIn.Is4BsTeachIn(Telegrams.Bs4(0x08, 0x28, 0x46, 0x88)));
        Assert.False(TeachIn.TryParse4Bs(Telegrams.Bs4(0x08, 0x28, 0x46, 0x88), out _, out _));
        Assert.False(TeachIn.Is1BsTeachIn(Telegrams.Received(Rorg.Bs1, [0x08])));
        Assert.True(TeachIn.Is1BsTeachIn(Telegrams.Received(Rorg.Bs1, [0x00])));
        Assert.False(TeachIn.Is4BsTeachIn(Telegrams.Received(Rorg.Bs1, [0x00])));
    }
}
