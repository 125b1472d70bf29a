using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Tests.Zcl;

/// <summary>Encodings of ZCL spec §2.6.2 (little-endian, two's complement, length-prefixed strings).</summary>
public class ZclValueTests
{
    public static TheoryData<string, string, ZclValue> Encodings => new()
    {
        { "10", "01", ZclValue.Boolean(true) },
        { "18", "81", ZclValue.Map8(0x81) },
        { "19", "34 12", ZclValue.Map16(0x1234) },
        { "20", "FE", ZclValue.UInt8(254) },
        { "21", "34 12", ZclValue.UInt16(0x1234) },
        { "22", "56 34 12", ZclValue.UInt24(0x123456) },
        { "23", "78 56 34 12", ZclValue.UInt32(0x12345678) },
        { "25", "01 02 03 04 05 06", ZclValue.UInt48(0x060504030201) },
        { "28", "FF", ZclValue.Int8(-1) },
        { "29", "F6 FF", ZclValue.Int16(-10) },
        { "29", "DE 07", ZclValue.Int16(2014) },
        { "2A", "FE FF FF", ZclValue.Int24(-2) },
        { "2B", "00 00 00 80", ZclValue.Int32(int.MinValue) },
        { "30", "04", ZclValue.Enum8(4) },
        { "31", "15 00", ZclValue.Enum16(0x15) },
        { "39", "00 00 C0 3F", ZclValue.Single(1.5f) },
        { "42", "05 68 65 6C 6C 6F", ZclValue.CharString("hello") },
        { "41", "02 AB CD", ZclValue.OctetString([0xAB, 0xCD]) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Each_type_reads_and_writes_its_spec_encoding(string type, string hex, ZclValue expected)
    {
        var bytes = Hex.Bytes(hex);
        var offset = 0;
        Assert.True(ZclValue.TryRead(bytes, ref offset, (ZclDataType)Convert.ToByte(type, 16), out var value));
        Assert.Equal(bytes.Length, offset);
        Assert.Equal(expected, value);
        Assert.Equal(bytes, expected.ToBytes());
    }

    [Fact]
    public void A_semi_precision_float_reads_as_its_value()
    {
        var offset = 0;
        Assert.True(ZclValue.TryRead(Hex.Bytes("00 3C"), ref offset, ZclDataType.SemiFloat, out var value));
        Assert.Equal(1.0, value.AsDouble());
    }

    [Fact]
    public void Char_strings_lose_the_nul_padding_some_devices_send()
    {
        var offset = 0;
        Assert.True(ZclValue.TryRead(Hex.Bytes("04 41 42 00 00"), ref offset, ZclDataType.CharString, out var value));
        Assert.Equal("AB", value.AsString());
    }

    [Fact]
    public void The_invalid_string_length_reads_as_an_empty_string()
    {
        var offset = 0;
        Assert.True(ZclValue.TryRead(Hex.Bytes("FF"), ref offset, ZclDataType.CharString, out var value));
        Assert.Equal("", value.AsString());
        Assert.Equal(1, offset);
    }

    [Theory]
    [InlineData(0x05)] // reserved
    [InlineData(0x4D)]
    [InlineData(0xFF)] // unknown
    public void Unknown_types_fail_to_read(byte type)
    {
        var offset = 0;
        Assert.False(ZclValue.TryRead(Hex.Bytes("00 00 00 00"), ref offset, (ZclDataType)type, out _));
    }

    [Theory]
    [InlineData(0x21, "01")]
    [InlineData(0x42, "05 41 42")]
    [InlineData(0x4C, "02 00 20 01")]
    [InlineData(0x48, "20 03 00 01 02")]
    public void Truncated_values_fail_to_read(byte type, string hex)
    {
        var offset = 0;
        Assert.False(ZclValue.TryRead(Hex.Bytes(hex), ref offset, (ZclDataType)type, out _));
    }

    [Fact]
    public void Arrays_are_skipped_whole()
    {
        var bytes = Hex.Bytes("20 03 00 01 02 03 FF");
        var offset = 0;
        Assert.True(ZclValue.TryRead(bytes, ref offset, ZclDataType.Array, out var value));
        Assert.Equal(6, offset);
        Assert.Equal(bytes[..6], value.ToBytes());
    }

    [Fact]
    public void An_array_of_fixed_size_elements_must_fit_in_the_data()
    {
        var offset = 0;
        Assert.False(ZclValue.TryRead(Hex.Bytes("21 03 00 01 00 02 00"), ref offset, ZclDataType.Array, out _));
        offset = 0;
        Assert.True(ZclValue.TryRead(Hex.Bytes("00 FE FF"), ref offset, ZclDataType.Array, out _)); // 65534 empty elements
        Assert.Equal(3, offset);
    }

    [Fact]
    public void Nesting_deeper_than_four_collections_is_refused()
    {
        var offset = 0;
        Assert.False(ZclValue.TryRead(Hex.Bytes("48 01 00 48 01 00 48 01 00 48 01 00 48 01 00 20 00 00"), ref offset, ZclDataType.Array, out _));
        offset = 0;
        Assert.True(ZclValue.TryRead(Hex.Bytes("48 01 00 48 01 00 48 01 00 20 01 00 07"), ref offset, ZclDataType.Array, out _));
    }
}
