using Gateway.Radio.ZWave.Serial;

namespace Gateway.Radio.ZWave.Tests.Serial;

public class SerialFrameReaderTests
{
    private static List<ReadEvent> Feed(SerialFrameReader reader, string hex) => Hex.Bytes(hex).Select(reader.Feed).Where(e => e != ReadEvent.None).ToList();

    [Fact]
    public void Single_byte_symbols_are_ACK_NAK_and_CAN()
    {
        Assert.Equal([ReadEvent.Ack, ReadEvent.Nak, ReadEvent.Can], Feed(new SerialFrameReader(), "06 15 18"));
    }

    [Fact]
    public void A_frame_with_a_wrong_checksum_is_a_bad_frame_and_counted()
    {
        var reader = new SerialFrameReader();
        Assert.Equal([ReadEvent.BadFrame], Feed(reader, "01 03 00 15 E8"));
        Assert.Equal(1, reader.BadChecksums);
    }

    [Fact]
    public void A_frame_of_an_unknown_type_is_a_bad_frame()
    {
        var reader = new SerialFrameReader();
        Assert.Equal([ReadEvent.BadFrame], Feed(reader, "01 03 02 15 EB"));
        Assert.Equal(1, reader.BadFrames);
    }

    [Fact]
    public void Garbage_before_a_frame_is_skipped_and_counted_and_the_frame_still_reads()
    {
        var reader = new SerialFrameReader();
        Assert.Equal([ReadEvent.Frame], Feed(reader, "42 FF 00 01 00 01 03 00 15 E9"));
        Assert.Equal(0x15, reader.Frame!.FunctionId);
        Assert.Equal(5, reader.GarbageBytes);
    }

    [Fact]
    public void A_frame_that_stops_half_way_is_dropped_after_the_byte_timeout()
    {
        var clock = new StepClock();
        var reader = new SerialFrameReader(clock, SerialFrameReader.DefaultByteTimeout);
        Assert.Empty(Feed(reader, "01 0A 00 13 02"));
        clock.Advance(TimeSpan.FromMilliseconds(1501));
        Assert.Equal([ReadEvent.Frame], Feed(reader, "01 03 00 15 E9"));
        Assert.Equal(1, reader.ByteTimeouts);
    }

    [Fact]
    public void A_frame_whose_bytes_come_slowly_but_within_the_byte_timeout_is_kept()
    {
        var clock = new StepClock();
        var reader = new SerialFrameReader(clock, SerialFrameReader.DefaultByteTimeout);
        var events = new List<ReadEvent>();
        foreach (var b in Hex.Bytes("01 03 00 15 E9"))
        {
            clock.Advance(TimeSpan.FromMilliseconds(1000));
            events.Add(reader.Feed(b));
        }
        Assert.Equal(ReadEvent.Frame, events[^1]);
        Assert.Equal(0, reader.ByteTimeouts);
    }
}
