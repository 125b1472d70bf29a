using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Tests;

public class MtFrameReaderTests
{
    private static readonly byte[] Ping = Hex.Bytes("FE 02 61 01 79 01 1A");
    private static readonly byte[] ResetInd = Hex.Bytes("FE 06 41 80 00 02 01 02 07 01 C0");

    private static List<MtFrame> ReadAll(MtFrameReader reader)
    {
        var frames = new List<MtFrame>();
        while (reader.TryRead(out var frame)) frames.Add(frame);
        return frames;
    }

    [Fact]
    public void Frames_split_across_chunks_of_one_byte_are_reassembled()
    {
        var reader = new MtFrameReader();
        var frames = new List<MtFrame>();
        foreach (var b in ResetInd.Concat(Ping))
        {
            reader.Append([b]);
            frames.AddRange(ReadAll(reader));
        }
        Assert.Equal(2, frames.Count);
        Assert.Equal(0x80, frames[0].Command);
        Assert.Equal(0x01, frames[1].Command);
        Assert.Equal(0, reader.BytesDiscarded);
    }

    [Fact]
    public void Garbage_before_a_frame_is_skipped_and_counted()
    {
        var reader = new MtFrameReader();
        reader.Append([0x00, 0x13, 0x37, .. Ping]);
        var frame = Assert.Single(ReadAll(reader));
        Assert.Equal(0x01, frame.Command);
        Assert.Equal(3, reader.BytesDiscarded);
    }

    [Fact]
    public void A_frame_with_a_bad_fcs_is_dropped_and_the_next_one_still_decodes()
    {
        var broken = (byte[])ResetInd.Clone();
        broken[^1] ^= 0xFF;
        var reader = new MtFrameReader();
        reader.Append([.. broken, .. Ping]);
        var frame = Assert.Single(ReadAll(reader));
        Assert.Equal(0x01, frame.Command);
        Assert.Equal(1, reader.FcsErrors);
    }

    [Fact]
    public void A_stray_sof_with_an_impossible_length_does_not_swallow_the_next_frame()
    {
        var reader = new MtFrameReader();
        reader.Append([0xFE, 0xFF, .. Ping]);
        Assert.Single(ReadAll(reader));
        Assert.Equal(1, reader.LengthErrors);
    }

    [Fact]
    public void A_truncated_frame_is_given_up_by_skip_partial_frame_and_the_frame_behind_it_decodes()
    {
        var reader = new MtFrameReader();
        // A reset indication cut short, then a ping answer: the cut frame's announced length swallows the answer's
        // first bytes, so only giving up on it (the driver's inter-byte timeout) or a failing FCS frees the answer.
        reader.Append(ResetInd.AsSpan(0, 5));
        Assert.Empty(ReadAll(reader));
        Assert.True(reader.HasPartialFrame);
        reader.SkipPartialFrame();
        reader.Append(Ping);
        var frame = Assert.Single(ReadAll(reader));
        Assert.Equal(0x01, frame.Command);
    }

    [Fact]
    public void A_sof_inside_data_does_not_break_framing()
    {
        var frame = new MtFrame(MtType.Areq, MtSubsystem.Af, 0x81, [0xFE, 0xFE, 0x01, 0xFE]);
        var reader = new MtFrameReader();
        reader.Append(frame.Encode());
        Assert.Equal(frame.Data, Assert.Single(ReadAll(reader)).Data);
    }
}
