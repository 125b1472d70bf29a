using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean.Tests;

public class RockerSwitchDecoderTests
{
    [Fact]
    public void Real_press_of_button_bi_is_b1()
    {
        // PTM 200 telegram from kipe/enocean's suite: data 0x50 (R1 = BI, energy bow pressed), status 0x30 (T21, NU).
        var telegram = Telegrams.FromFrame("55 0007 07 01 7A F650002989 7930 01FFFFFFFF3700 9D");

        Assert.Equal("B1", Telegrams.Text(Telegrams.Decode("F6-02-02", telegram), EepStateNames.ButtonState));
    }

    [Fact]
    public void Real_release_is_released()
    {
        // Data 0x00, status 0x20 (T21, U-message).
        var telegram = Telegrams.FromFrame("55 0007 07 01 7A F600002989 7920 02FFFFFFFF4A00 03");

        Assert.Equal("released", Telegrams.Text(Telegrams.Decode("F6-02-01", telegram), EepStateNames.ButtonState));
    }

    [Fact]
    public void The_briefs_rps_example_rebuilt_with_its_right_crc_is_a0_pressed()
    {
        // The quoted frame ends in C6, which is not its data CRC; rebuilt with the encoder the CRC is B9.
        var frame = new Erp1Telegram(Rorg.Rps, [0x30], 0x002EE1BD, 0x30, Erp1Telegram.Broadcast, null, 1).ToPacket().Encode();
        frame[^3] = 0x44; // the example's dBm (-68) instead of the sending value FF
        frame[13] = 0x01; // and its sub-telegram count
        frame[^1] = Protocol.Esp3.Esp3Crc8.Compute(frame.AsSpan(6, frame.Length - 7));
        Assert.Equal("55000707017AF630002EE1BD3001FFFFFFFF4400B9", Hex.Of(frame));

        var telegram = Telegrams.FromFrame(Hex.Of(frame));

        Assert.Equal(-68, telegram.Dbm);
        Assert.Equal("A0", Telegrams.Text(Telegrams.Decode("F6-02-01", telegram), EepStateNames.ButtonState));
    }

    [Theory]
    [InlineData(0x10, "A1")]   // R1 = 0 (AI)
    [InlineData(0x30, "A0")]   // R1 = 1 (AO)
    [InlineData(0x50, "B1")]   // R1 = 2 (BI)
    [InlineData(0x70, "B0")]   // R1 = 3 (BO)
    [InlineData(0x37, "A0+B0")] // R1 = AO, R2 = BO, second action valid
    [InlineData(0x15, "A1+B1")] // R1 = AI, R2 = BI
    [InlineData(0x36, "A0")]   // R2 set but second action not valid
    public void N_messages_name_the_pressed_buttons(int data, string expected)
    {
        var states = Telegrams.Decode("F6-02-01", Telegrams.Received(Rorg.Rps, [(byte)data], 0x30));
        Assert.Equal(expected, Telegrams.Text(states, EepStateNames.ButtonState));
    }

    [Theory]
    [InlineData(0x10, "energyBow")] // U-message, 0 buttons, bow pressed
    [InlineData(0x70, "multiple")]  // U-message, 3 or 4 buttons
    [InlineData(0x00, "released")]
    public void U_messages_count_buttons(int data, string expected)
    {
        var states = Telegrams.Decode("F6-02-02", Telegrams.Received(Rorg.Rps, [(byte)data], 0x20));
        Assert.Equal(expected, Telegrams.Text(states, EepStateNames.ButtonState));
    }

    [Theory]
    [InlineData(0x30, 0x10)] // T21 = 0: a PTM 1xx telegram, another profile
    [InlineData(0x90, 0x30)] // R1 = 4 does not exist on a 2-rocker switch
    [InlineData(0x30, 0x20)] // U-message counting 1 button: not a valid count
    public void Telegrams_outside_the_profile_give_no_state(int data, int status)
    {
        var telegram = Telegrams.Received(Rorg.Rps, [(byte)data], (byte)status);
        Assert.Empty(Telegrams.Decode("F6-02-01", telegram));
    }

    [Fact]
    public void Never_reports_on_off()
    {
        var states = Telegrams.Decode("F6-02-01", Telegrams.Received(Rorg.Rps, [0x30], 0x30));
        Assert.DoesNotContain(states, s => s.Name == EepStateNames.OnOffState);
    }

    [Fact]
    public void Other_rorgs_give_no_state() =>
        Assert.Empty(Telegrams.Decode("F6-02-01", Telegrams.Received(Rorg.Bs1, [0x09])));
}
