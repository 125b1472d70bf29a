using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Tests;

public class Esp3Crc8Tests
{
    [Theory]
    // CRC-8 (poly 0x07, init 0) check value of the ASCII string "123456789".
    [InlineData("313233343536373839", 0xF4)]
    [InlineData("", 0x00)]
    [InlineData("00", 0x00)]
    [InlineData("01", 0x07)]
    [InlineData("80", 0x89)]
    // Header and data CRCs of the ESP3 specification's examples.
    [InlineData("00010005", 0x70)]
    [InlineData("03", 0x09)]
    [InlineData("08", 0x38)]
    [InlineData("02", 0x0E)]
    [InlineData("000A0701", 0xEB)]
    [InlineData("00070701", 0x7A)]
    [InlineData("00050002", 0xCE)]
    [InlineData("00FF800000", 0xDA)]
    public void Computes_known_values(string hex, int crc) => Assert.Equal((byte)crc, Esp3Crc8.Compute(Hex.Bytes(hex)));

    [Fact]
    public void Matches_the_bitwise_definition_on_every_single_byte()
    {
        for (var i = 0; i < 256; i++)
        {
            var c = (byte)i;
            for (var bit = 0; bit < 8; bit++) c = (byte)((c & 0x80) != 0 ? (c << 1) ^ 0x07 : c << 1);
            Assert.Equal(c, Esp3Crc8.Compute([(byte)i]));
        }
    }

    [Fact]
    public void Append_continues_a_crc()
    {
        var bytes = Hex.Bytes("D2DDDDDDDDDDDDDDDDDD008035C40003FFFFFFFF4D00");
        Assert.Equal(Esp3Crc8.Compute(bytes), Esp3Crc8.Append(Esp3Crc8.Compute(bytes.AsSpan(0, 7)), bytes.AsSpan(7)));
        Assert.Equal(0x36, Esp3Crc8.Compute(bytes));
    }
}
