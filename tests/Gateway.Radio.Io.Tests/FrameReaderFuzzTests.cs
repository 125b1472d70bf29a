using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Tests;

/// <summary>A million frames through SLIP and the frame checks, with damage and noise between them.</summary>
public class FrameReaderFuzzTests
{
    [Fact]
    public void A_million_frames_with_damage_and_noise_never_throw_and_every_intact_frame_arrives_in_order()
    {
        const int count = 1_000_000;
        var random = new Random(20261204);
        var reader = new KlfFrameReader();
        var received = 0L;
        var expectedNext = 0;
        var outOfOrder = 0;
        var stream = new MemoryStream();
        var intact = new List<int>();

        for (var i = 0; i < count; i++)
        {
            var data = new byte[random.Next(0, 24)];
            random.NextBytes(data);
            if (data.Length >= 4) BitConverter.TryWriteBytes(data.AsSpan(0, 4), i);
            var wire = new KlfFrame((ushort)random.Next(0, 0x10000), data).ToWire();
            var damage = random.Next(10);
            if (damage == 0) wire[random.Next(1, wire.Length - 1)] ^= (byte)random.Next(1, 256); // flipped byte
            else if (data.Length >= 4) intact.Add(i);
            stream.Write(wire);
            if (random.Next(20) == 0)
            {
                var noise = new byte[random.Next(1, 40)];
                random.NextBytes(noise);
                stream.Write(noise);
            }
        }

        var bytes = stream.ToArray();
        var offset = 0;
        var intactSet = intact.ToHashSet();
        var intactIndex = 0;
        while (offset < bytes.Length)
        {
            var chunk = Math.Min(bytes.Length - offset, random.Next(1, 600));
            reader.Feed(bytes.AsSpan(offset, chunk), frame =>
            {
                received++;
                if (frame.Data.Length < 4) return;
                var id = BitConverter.ToInt32(frame.Data, 0);
                if (!intactSet.Contains(id)) return; // a damaged frame or noise that happened to pass the checks
                while (intactIndex < intact.Count && intact[intactIndex] != id) intactIndex++;
                if (intactIndex == intact.Count || id < expectedNext) outOfOrder++;
                expectedNext = id + 1;
            });
            offset += chunk;
        }

        Assert.Equal(0, outOfOrder);
        // Noise can swallow a frame's opening END only when it ends in an escape; that loses very few intact frames.
        Assert.True(received >= intact.Count * 0.99, $"{received} frames decoded of {intact.Count} intact");
        Assert.True(reader.Errors > 0);
    }
}
