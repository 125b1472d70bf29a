using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Frames as real coordinators and hosts put them on the wire (zigbee-herdsman's parser test, CC2652 traces).</summary>
public class MtCodecTests
{
    [Fact]
    public void Sys_ping_request_encodes_as_on_the_wire()
    {
        var frame = new MtFrame(MtType.Sreq, MtSubsystem.Sys, 0x01, []);
        Assert.Equal(Hex.Bytes("FE 00 21 01 20"), frame.Encode());
    }

    [Fact]
    public void Sys_version_response_of_herdsman_parser_test_decodes()
    {
        var bytes = Hex.Bytes("FE 0E 61 02 02 00 02 06 03 D9 14 34 01 02 00 00 00 00 92");
        Assert.Equal(MtDecodeResult.Frame, MtCodec.TryDecode(bytes, out var frame, out var consumed));
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(MtType.Srsp, frame!.Type);
        Assert.Equal(MtSubsystem.Sys, frame.Subsystem);
        Assert.Equal(0x02, frame.Command);
        Assert.Equal(Hex.Bytes("02 00 02 06 03 D9 14 34 01 02 00 00 00 00"), frame.Data);
        Assert.Equal(bytes, frame.Encode());
    }

    [Fact]
    public void Sys_reset_indication_from_a_coordinator_trace_decodes()
    {
        var bytes = Hex.Bytes("FE 06 41 80 00 02 01 02 07 01 C0");
        Assert.Equal(MtDecodeResult.Frame, MtCodec.TryDecode(bytes, out var frame, out _));
        Assert.True(frame!.Is(MtType.Areq, MtSubsystem.Sys, 0x80));
        Assert.Equal(Hex.Bytes("00 02 01 02 07 01"), frame.Data);
    }

    [Fact]
    public void Sys_ping_response_decodes_and_answers_the_ping()
    {
        var bytes = Hex.Bytes("FE 02 61 01 79 01 1A");
        Assert.Equal(MtDecodeResult.Frame, MtCodec.TryDecode(bytes, out var frame, out _));
        Assert.True(frame!.Answers(new MtFrame(MtType.Sreq, MtSubsystem.Sys, 0x01, [])));
        Assert.False(frame.Answers(new MtFrame(MtType.Sreq, MtSubsystem.Sys, 0x02, [])));
    }

    [Fact]
    public void Zdo_state_change_to_coordinator_encodes_cmd0_45_c0()
    {
        var frame = new MtFrame(MtType.Areq, MtSubsystem.Zdo, 0xC0, [0x09]);
        Assert.Equal(Hex.Bytes("FE 01 45 C0 09 8D"), frame.Encode());
    }

    [Theory]
    [InlineData(0x20, MtType.Sreq, MtSubsystem.RpcError)]
    [InlineData(0x21, MtType.Sreq, MtSubsystem.Sys)]
    [InlineData(0x44, MtType.Areq, MtSubsystem.Af)]
    [InlineData(0x65, MtType.Srsp, MtSubsystem.Zdo)]
    [InlineData(0x67, MtType.Srsp, MtSubsystem.Util)]
    [InlineData(0x2F, MtType.Sreq, MtSubsystem.AppConfig)]
    public void Cmd0_splits_into_type_and_subsystem(byte cmd0, MtType type, MtSubsystem subsystem)
    {
        Assert.Equal(type, MtCodec.TypeOf(cmd0));
        Assert.Equal(subsystem, MtCodec.SubsystemOf(cmd0));
        Assert.Equal(cmd0, MtCodec.Cmd0(type, subsystem));
    }

    [Fact]
    public void A_wrong_fcs_is_reported_not_thrown()
    {
        Assert.Equal(MtDecodeResult.BadFcs, MtCodec.TryDecode(Hex.Bytes("FE 00 21 01 21"), out var frame, out _));
        Assert.Null(frame);
    }

    [Fact]
    public void A_length_above_250_is_not_a_frame()
    {
        Assert.Equal(MtDecodeResult.BadLength, MtCodec.TryDecode(Hex.Bytes("FE FB 21 01"), out _, out _));
    }

    [Fact]
    public void An_incomplete_frame_asks_for_more_bytes()
    {
        Assert.Equal(MtDecodeResult.NeedMoreBytes, MtCodec.TryDecode(Hex.Bytes("FE 02 61 01 79"), out _, out _));
        Assert.Equal(MtDecodeResult.NeedMoreBytes, MtCodec.TryDecode(Hex.Bytes("FE"), out _, out _));
    }

    [Fact]
    public void Data_longer_than_250_bytes_cannot_be_framed()
    {
        Assert.Throws<ArgumentException>(() => new MtFrame(MtType.Sreq, MtSubsystem.Af, 0x01, new byte[251]));
    }
}
