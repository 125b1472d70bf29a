using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts.Tests;

public class FrameReaderTests
{
    [Fact]
    public void Frames_split_across_reads_and_glued_together_come_out_whole()
    {
        var reader = new RfxFrameReader();
        var bytes = CodecTests.Hex("0402010500" + "0C1A0000010203010E00000000" + "0402010600");
        reader.Append(bytes.AsSpan(0, 3));
        Assert.False(reader.TryRead(out _));
        reader.Append(bytes.AsSpan(3, 9));
        Assert.True(reader.TryRead(out var ack));
        Assert.Equal(RfxPacketTypes.TransmitterMessage, ack.PacketType);
        Assert.False(reader.TryRead(out _));
        reader.Append(bytes.AsSpan(12));
        Assert.True(reader.TryRead(out var rfy));
        Assert.Equal(RfxPacketTypes.Rfy, rfy.PacketType);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal(6, second.Sequence);
        Assert.False(reader.HasPartialFrame);
    }

    [Fact]
    public void Impossible_length_bytes_are_skipped_and_counted()
    {
        var reader = new RfxFrameReader();
        reader.Append(CodecTests.Hex("00FF0103" + "0402010500"));
        Assert.True(reader.TryRead(out var frame));
        Assert.Equal(5, frame.Sequence);
        Assert.Equal(4, reader.LengthErrors);
        Assert.Equal(4, reader.BytesDiscarded);
    }

    [Fact]
    public void A_frame_cut_short_by_silence_is_dropped_and_the_next_frame_read()
    {
        var reader = new RfxFrameReader();
        reader.Append(CodecTests.Hex("0C1A0000"));
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.HasPartialFrame);
        while (reader.HasPartialFrame)
        {
            reader.SkipPartialFrame();
            while (reader.TryRead(out _)) { }
        }
        reader.Append(CodecTests.Hex("0402010700"));
        Assert.True(reader.TryRead(out var frame));
        Assert.Equal(7, frame.Sequence);
        Assert.True(reader.PartialFramesDropped >= 1);
    }
}
