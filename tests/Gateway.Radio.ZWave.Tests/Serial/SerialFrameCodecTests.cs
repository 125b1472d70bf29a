using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;

namespace Gateway.Radio.ZWave.Tests.Serial;

public class SerialFrameCodecTests
{
    [Theory]
    [InlineData(FunctionId.GetVersion, "", "01 03 00 15 E9")]
    [InlineData(FunctionId.GetSerialApiInitData, "", "01 03 00 02 FE")]
    [InlineData(FunctionId.SendData, "02 03 20 01 FF 25 01", "01 0A 00 13 02 03 20 01 FF 25 01 1D")]
    public void Requests_encode_with_length_type_function_and_xor_checksum(byte function, string payload, string expected)
    {
        Assert.Equal(Hex.Bytes(expected), SerialFrameCodec.Encode(SerialFrame.Request(function, Hex.Bytes(payload))));
    }

    [Fact]
    public void SendData_request_puts_node_length_payload_options_and_callback_id_in_order()
    {
        Assert.Equal(Hex.Bytes("02 03 20 01 FF 25 01"), SendData.Request(2, Hex.Bytes("20 01 FF"), callbackId: 1));
    }

    [Fact]
    public void A_response_frame_reads_back_as_it_was_sent()
    {
        var reader = new SerialFrameReader();
        var events = Hex.Bytes("01 04 01 13 01 E8").Select(reader.Feed).ToList();
        Assert.Equal(ReadEvent.Frame, events[^1]);
        Assert.Equal(FrameType.Response, reader.Frame!.Type);
        Assert.Equal(FunctionId.SendData, reader.Frame.FunctionId);
        Assert.Equal([0x01], reader.Frame!.Payload);
        Assert.True(SendData.Queued(reader.Frame.Payload));
    }

    [Fact]
    public void Payloads_longer_than_a_frame_can_hold_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.SendData, new byte[253])));
    }
}
