using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Tests;

public class SingleContactDecoderTests
{
    [Fact]
    public void Real_open_telegram_is_open()
    {
        var telegram = Telegrams.FromFrame("55 0007 07 01 7A D508 01825DAB 00 01FFFFFFFF3600 53");
        Assert.Equal("open", Telegrams.Text(Telegrams.Decode("D5-00-01", telegram), EepStateNames.ContactState));
    }

    [Fact]
    public void Real_closed_telegram_is_closed()
    {
        var telegram = Telegrams.FromFrame("55 0007 07 01 7A D509 01825DAB 00 01FFFFFFFF3600 C7");
        Assert.Equal("closed", Telegrams.Text(Telegrams.Decode("D5-00-01", telegram), EepStateNames.ContactState));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    public void Teach_in_telegrams_are_ignored(int data)
    {
        var telegram = Telegrams.Received(Rorg.Bs1, [(byte)data]);
        Assert.True(TeachIn.Is1BsTeachIn(telegram));
        Assert.Empty(Telegrams.Decode("D5-00-01", telegram));
    }
}
