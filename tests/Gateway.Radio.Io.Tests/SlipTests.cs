using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Tests;

public class SlipTests
{
    [Fact]
    public void End_and_escape_bytes_inside_a_frame_are_escaped()
    {
        Assert.Equal(Hex.Bytes("C0 01 DB DC 02 DB DD 03 C0"), Slip.Encode(Hex.Bytes("01 C0 02 DB 03")));
    }

    [Fact]
    public void A_frame_with_escaped_bytes_comes_back_whole()
    {
        var frame = KlfFrame.Of(KlfCommand.CommandRunStatusNtf, 0xC0, 0xDB, 0xC0, 0x00);
        var frames = Decode(frame.ToWire());
        Assert.Equal(frame.Data, Assert.Single(frames).Data);
    }

    [Fact]
    public void Garbage_and_a_bad_escape_cost_their_frame_only()
    {
        var good = KlfFrame.Of(KlfCommand.GetStateReq).ToWire();
        var reader = new KlfFrameReader();
        var frames = new List<KlfFrame>();
        reader.Feed([0x11, 0x22, 0xC0, 0x00, 0xDB, 0x01, 0x05, 0xC0], frames.Add);
        reader.Feed(good, frames.Add);
        reader.Feed(Hex.Bytes("C0 00 03 00 0C 0E C0"), frames.Add);
        reader.Feed(good, frames.Add);
        Assert.Equal(2, frames.Count);
        Assert.Equal(3, reader.Errors);
    }

    [Fact]
    public void A_frame_split_across_reads_is_reassembled()
    {
        var wire = KlfFrame.Of(KlfCommand.SessionFinishedNtf, 0x03, 0xE8).ToWire();
        var reader = new KlfFrameReader();
        var frames = new List<KlfFrame>();
        foreach (var b in wire) reader.Feed([b], frames.Add);
        Assert.Equal(KlfCommand.SessionFinishedNtf, Assert.Single(frames).Command);
    }

    [Fact]
    public void An_endless_frame_without_end_is_dropped_at_the_size_limit_and_the_next_one_read()
    {
        var reader = new KlfFrameReader();
        var frames = new List<KlfFrame>();
        reader.Feed(Enumerable.Repeat((byte)0x42, 10_000).ToArray(), frames.Add);
        reader.Feed(KlfFrame.Of(KlfCommand.GetStateReq).ToWire(), frames.Add);
        Assert.Single(frames);
        Assert.Equal(KlfFrameError.TooLong, reader.LastError);
        Assert.Equal(1, reader.Errors);
    }

    private static List<KlfFrame> Decode(byte[] wire)
    {
        var frames = new List<KlfFrame>();
        new KlfFrameReader().Feed(wire, frames.Add);
        return frames;
    }
}
