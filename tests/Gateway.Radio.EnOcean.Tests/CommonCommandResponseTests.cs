using System.Text;
using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Tests;

public class CommonCommandResponseTests
{
    [Fact]
    public void Id_base_response_of_the_specification_example_reads_the_base_id()
    {
        // RESPONSE RET_OK 00 FF 80 00 00 (ESP3 specification example), without optional data.
        var reader = new Esp3FrameReader();
        reader.Append(Hex.Bytes("55 0005 00 02 CE 00FF800000 DA"));
        Assert.True(reader.TryRead(out var packet));

        Assert.True(IdBaseInfo.TryParse(packet.Data, packet.OptionalData, out var info));
        Assert.Equal(0xFF800000u, info.BaseId);
        Assert.Null(info.RemainingWriteCycles);
        Assert.Equal(0xFF80007Fu, info.SenderId(127));
    }

    [Fact]
    public void Id_base_response_reads_remaining_write_cycles_from_optional_data()
    {
        Assert.True(IdBaseInfo.TryParse(Hex.Bytes("00 FFA1B200"), [0x0A], out var info));
        Assert.Equal(0xFFA1B200u, info.BaseId);
        Assert.Equal((byte)10, info.RemainingWriteCycles);
    }

    [Theory]
    [InlineData("02FF800000")] // RET_NOT_SUPPORTED
    [InlineData("00FF8000")]   // too short
    [InlineData("")]
    public void Id_base_response_that_is_no_answer_is_rejected(string hex) =>
        Assert.False(IdBaseInfo.TryParse(Hex.Bytes(hex), [], out _));

    [Fact]
    public void Version_response_reads_every_field()
    {
        // Built by hand after the CO_RD_VERSION response layout: return code, app version, API version, chip id,
        // chip version, 16 bytes of ASCII description padded with NULs.
        var description = new byte[16];
        Encoding.ASCII.GetBytes("GATEWAYCTRL").CopyTo(description, 0);
        byte[] data = [0x00, 2, 11, 1, 0, 2, 6, 3, 0, 0x01, 0x8A, 0x4C, 0x2F, 0x45, 0x55, 0x00, 0x01, .. description];

        Assert.True(VersionInfo.TryParse(data, out var info));
        Assert.Equal(new Version(2, 11, 1, 0), info.AppVersion);
        Assert.Equal(new Version(2, 6, 3, 0), info.ApiVersion);
        Assert.Equal(0x018A4C2Fu, info.ChipId);
        Assert.Equal(0x45550001u, info.ChipVersion);
        Assert.Equal("GATEWAYCTRL", info.AppDescription);
    }

    [Fact]
    public void Version_response_with_an_error_code_or_too_short_is_rejected()
    {
        var data = new byte[33];
        data[0] = (byte)Esp3ReturnCode.Error;
        Assert.False(VersionInfo.TryParse(data, out _));
        Assert.False(VersionInfo.TryParse(new byte[32], out _));
    }
}
