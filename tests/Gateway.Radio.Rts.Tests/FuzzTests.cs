using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts.Tests;

public class FuzzTests
{
    [Fact]
    public void A_million_random_and_mutated_frames_never_throw_nor_hang_the_decoder()
    {
        var random = new Random(20261204);
        var reader = new RfxFrameReader();
        var valid = new[]
        {
            CodecTests.Hex("0C1A0000010203010E00000000"),
            CodecTests.Hex("140100010253010400070001031C03000000000000"),
            CodecTests.Hex("0402010500"),
            new RfyRemoteEntry(1, false, new RfyAddress(0x0A0001, 1), 7).ToFrame().Encode(),
        };
        var buffer = new byte[80];
        long frames = 0, decoded = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            int length;
            if (i % 3 == 0)
            {
                var source = valid[random.Next(valid.Length)];
                source.CopyTo(buffer, 0);
                length = source.Length;
                buffer[random.Next(length)] = (byte)random.Next(256);
            }
            else
            {
                length = random.Next(1, 40);
                random.NextBytes(buffer.AsSpan(0, length));
                if (i % 3 == 1) buffer[0] = (byte)(length - 1);
            }
            reader.Append(buffer.AsSpan(0, length));
            while (reader.TryRead(out var frame))
            {
                frames++;
                if (RfyPacket.TryParse(frame, out _) | InterfaceStatus.TryParse(frame, out _) | TransmitterResponse.TryParse(frame, out _)
                    | RfyRemoteEntry.TryParse(frame, out _)) decoded++;
            }
            if (i % 1000 == 0) reader.SkipPartialFrame();
        }
        Assert.True(frames > 100_000, $"only {frames} frames came out");
        Assert.True(decoded > 10_000, $"only {decoded} decoded");
    }
}
