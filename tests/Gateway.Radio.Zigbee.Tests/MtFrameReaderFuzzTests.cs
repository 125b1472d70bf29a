using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Deterministic fuzzing of the reader: fixed seeds, so a failure reproduces.</summary>
public class MtFrameReaderFuzzTests
{
    private static MtFrame RandomFrame(Random random)
    {
        var data = new byte[random.Next(0, 40)];
        random.NextBytes(data);
        var subsystems = Enum.GetValues<MtSubsystem>();
        return new MtFrame((MtType)random.Next(1, 4), subsystems[random.Next(subsystems.Length)], (byte)random.Next(256), data);
    }

    private static byte[] GarbageWithoutSof(Random random)
    {
        var garbage = new byte[random.Next(0, 20)];
        random.NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++) if (garbage[i] == MtFrame.StartOfFrame) garbage[i] = 0x00;
        return garbage;
    }

    /// <summary>Feeds the stream in random chunk sizes and returns every frame that came out.</summary>
    private static List<MtFrame> Feed(MtFrameReader reader, byte[] stream, Random random)
    {
        var frames = new List<MtFrame>();
        for (var i = 0; i < stream.Length;)
        {
            var chunk = Math.Min(random.Next(1, 64), stream.Length - i);
            reader.Append(stream.AsSpan(i, chunk));
            i += chunk;
            while (reader.TryRead(out var frame)) frames.Add(frame);
        }
        return frames;
    }

    [Fact]
    public void Every_frame_between_sof_free_garbage_is_decoded_exactly()
    {
        var random = new Random(9001);
        var sent = new List<MtFrame>();
        var stream = new List<byte>();
        for (var i = 0; i < 20_000; i++)
        {
            stream.AddRange(GarbageWithoutSof(random));
            var frame = RandomFrame(random);
            sent.Add(frame);
            stream.AddRange(frame.Encode());
        }
        var reader = new MtFrameReader();
        var received = Feed(reader, [.. stream], random);

        Assert.Equal(sent.Count, received.Count);
        for (var i = 0; i < sent.Count; i++) Assert.Equal(sent[i].Encode(), received[i].Encode());
        Assert.Equal(0, reader.FcsErrors + reader.LengthErrors);
        Assert.True(reader.BytesDiscarded > 0);
    }

    [Fact]
    public void Mutated_and_truncated_frames_never_throw_and_the_reader_recovers()
    {
        var random = new Random(4242);
        var stream = new List<byte>();
        for (var i = 0; i < 20_000; i++)
        {
            var encoded = RandomFrame(random).Encode();
            switch (random.Next(4))
            {
                case 0: encoded[random.Next(encoded.Length)] ^= (byte)random.Next(1, 256); break;
                case 1: encoded = encoded[..random.Next(1, encoded.Length)]; break;
                case 2: random.NextBytes(encoded); break;
            }
            stream.AddRange(encoded);
        }
        var reader = new MtFrameReader();
        var received = Feed(reader, [.. stream], random);
        Assert.NotEmpty(received);
        Assert.True(reader.FcsErrors > 0);

        // Whatever is left half-read is given up (the driver's inter-byte timeout); then a good frame decodes.
        while (reader.BufferedBytes > 0)
        {
            reader.SkipPartialFrame();
            while (reader.TryRead(out _)) { }
        }
        var ping = new MtFrame(MtType.Srsp, MtSubsystem.Sys, 0x01, [0x79, 0x01]);
        reader.Append(ping.Encode());
        Assert.True(reader.TryRead(out var last));
        Assert.Equal(ping.Encode(), last.Encode());
    }
}
