using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Tests.Zcl;

/// <summary>
/// Byte vectors are real frames from the zigbee-herdsman project's ZCL tests (test/zcl.test.ts), checked against the
/// header layout of ZCL spec §2.4.1 (frame control bits: type 0–1, manufacturer specific 2, direction 3, disable default response 4).
/// </summary>
public class ZclCodecTests
{
    [Fact]
    public void A_global_report_from_a_server_decodes_its_header()
    {
        // herdsman "ZclFrame from buffer report": genAnalogInput report, attribute 0x0055 single float 0.
        Assert.True(ZclCodec.TryDecode(Hex.Bytes("18 4A 0A 55 00 39 00 00 00 00"), out var frame));

        Assert.Equal(ZclFrameType.Global, frame.FrameType);
        Assert.Null(frame.ManufacturerCode);
        Assert.Equal(ZclDirection.ServerToClient, frame.Direction);
        Assert.True(frame.DisableDefaultResponse);
        Assert.Equal(0x4A, frame.Sequence);
        Assert.Equal(ZclGlobalCommand.ReportAttributes, frame.CommandId);
        Assert.Equal(Hex.Bytes("55 00 39 00 00 00 00"), frame.Payload);
    }

    [Fact]
    public void A_manufacturer_specific_cluster_command_carries_its_manufacturer_code()
    {
        // herdsman "ZclFrame from buffer tradfriArrowSingle": IKEA (0x117C) scenes command 0x07.
        Assert.True(ZclCodec.TryDecode(Hex.Bytes("05 7C 11 1D 07 00 01 0D 00"), out var frame));

        Assert.Equal(ZclFrameType.ClusterSpecific, frame.FrameType);
        Assert.Equal((ushort)0x117C, frame.ManufacturerCode);
        Assert.Equal(ZclDirection.ClientToServer, frame.Direction);
        Assert.False(frame.DisableDefaultResponse);
        Assert.Equal(0x1D, frame.Sequence);
        Assert.Equal(0x07, frame.CommandId);
        Assert.Equal(Hex.Bytes("00 01 0D 00"), frame.Payload);
    }

    [Theory]
    [InlineData("18 4A 0A 55 00 39 00 00 00 00")]
    [InlineData("05 7C 11 1D 07 00 01 0D 00")]
    [InlineData("11 7C 02 02 0A 00 14 00")]
    [InlineData("19 7C 03 00 0A 00")]
    [InlineData("08 01 07 00")]
    public void Decoding_then_encoding_gives_the_same_bytes(string hex)
    {
        Assert.True(ZclCodec.TryDecode(Hex.Bytes(hex), out var frame));
        Assert.Equal(Hex.Bytes(hex), ZclCodec.Encode(frame));
    }

    [Theory]
    [InlineData("")]
    [InlineData("08 01")]
    [InlineData("04 5F 11 01")] // manufacturer bit set, header cut short
    [InlineData("02 01 00")] // frame type 2 is reserved
    [InlineData("03 01 00")]
    public void Short_headers_and_reserved_frame_types_do_not_decode(string hex)
    {
        Assert.False(ZclCodec.TryDecode(Hex.Bytes(hex), out _));
    }

    [Fact]
    public void Encoding_sets_each_frame_control_bit()
    {
        var frame = new ZclFrame(ZclFrameType.ClusterSpecific, 0x1234, ZclDirection.ServerToClient, true, 0x42, 0x01, [0xAA]);
        Assert.Equal(Hex.Bytes("1D 34 12 42 01 AA"), ZclCodec.Encode(frame));
    }
}
