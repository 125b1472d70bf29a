using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Tests;

public class Esp3PacketTests
{
    // Telegram examples of the ESP3 specification (as collected by the kipe/enocean test suite; its REMOTE_MAN_COMMAND
    // example is left out: it announces 25 data bytes but carries 26, so its data CRC cannot check out).
    public static TheoryData<string, byte, int, int> SpecificationExamples => new()
    {
        { "55 000F 07 01 2B D2DDDDDDDDDDDDDDDDDD008035C400 03FFFFFFFF4D00 36", Esp3PacketType.RadioErp1, 15, 7 },
        { "55 0005 00 05 DB 010000000A 54", Esp3PacketType.CommonCommand, 5, 0 },        // CO_WR_SLEEP
        { "55 0001 00 05 70 02 0E", Esp3PacketType.CommonCommand, 1, 0 },                // CO_WR_RESET
        { "55 0001 00 05 70 03 09", Esp3PacketType.CommonCommand, 1, 0 },                // CO_RD_VERSION
        { "55 0001 00 05 70 08 38", Esp3PacketType.CommonCommand, 1, 0 },                // CO_RD_IDBASE
        { "55 0005 00 02 CE 00FF800000 DA", Esp3PacketType.Response, 5, 0 },             // RESPONSE RET_OK
        { "55 000C 00 07 EF 000407FFFFFFFFFF00000000 65", Esp3PacketType.RemoteManCommand, 12, 0 }, // QueryID
    };

    [Theory]
    [MemberData(nameof(SpecificationExamples))]
    public void Specification_examples_decode_and_encode_back_byte_for_byte(string hex, byte type, int dataLength, int optionalLength)
    {
        var frame = Hex.Bytes(hex);
        var reader = new Esp3FrameReader();
        reader.Append(frame);

        Assert.True(reader.TryRead(out var packet));
        Assert.Equal(type, packet.PacketType);
        Assert.Equal(dataLength, packet.Data.Length);
        Assert.Equal(optionalLength, packet.OptionalData.Length);
        Assert.Equal(Hex.Of(frame), Hex.Of(packet.Encode()));
        Assert.Equal(frame.Length, packet.EncodedLength);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Read_version_command_is_the_specification_frame() =>
        Assert.Equal("5500010005700309", Hex.Of(Esp3Commands.ReadVersion().Encode()));

    [Fact]
    public void Read_id_base_command_is_the_specification_frame() =>
        Assert.Equal("5500010005700838", Hex.Of(Esp3Commands.ReadIdBase().Encode()));

    [Fact]
    public void Reset_command_is_the_specification_frame() =>
        Assert.Equal("550001000570020E", Hex.Of(Esp3Commands.Reset().Encode()));

    [Fact]
    public void Length_is_big_endian_over_two_bytes()
    {
        var frame = new Esp3Packet(Esp3PacketType.RadioErp2, new byte[300], [1, 2]).Encode();
        Assert.Equal(0x01, frame[1]);
        Assert.Equal(0x2C, frame[2]);
        Assert.Equal(2, frame[3]);
        Assert.Equal(Esp3PacketType.RadioErp2, frame[4]);
        Assert.Equal(300 + 2 + 7, frame.Length);
    }

    [Fact]
    public void Encoding_refuses_optional_data_over_255_bytes() =>
        Assert.Throws<InvalidOperationException>(() => new Esp3Packet(Esp3PacketType.RadioErp1, [1], new byte[256]).Encode());

    [Fact]
    public void Response_timeout_is_the_specification_500_ms() =>
        Assert.Equal(TimeSpan.FromMilliseconds(500), Esp3Commands.ResponseTimeout);

    [Fact]
    public void Packet_type_values_are_the_specification_codes()
    {
        Assert.Equal(0x01, Esp3PacketType.RadioErp1);
        Assert.Equal(0x02, Esp3PacketType.Response);
        Assert.Equal(0x03, Esp3PacketType.RadioSubTel);
        Assert.Equal(0x04, Esp3PacketType.Event);
        Assert.Equal(0x05, Esp3PacketType.CommonCommand);
        Assert.Equal(0x06, Esp3PacketType.SmartAckCommand);
        Assert.Equal(0x07, Esp3PacketType.RemoteManCommand);
        Assert.Equal(0x09, Esp3PacketType.RadioMessage);
        Assert.Equal(0x0A, Esp3PacketType.RadioErp2);
    }

    [Fact]
    public void Return_codes_are_the_specification_codes()
    {
        Assert.Equal(0, (int)Esp3ReturnCode.Ok);
        Assert.Equal(1, (int)Esp3ReturnCode.Error);
        Assert.Equal(2, (int)Esp3ReturnCode.NotSupported);
        Assert.Equal(3, (int)Esp3ReturnCode.WrongParam);
        Assert.Equal(4, (int)Esp3ReturnCode.OperationDenied);
    }
}
