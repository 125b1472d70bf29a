using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Encapsulation;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>
/// A million mutated frames through the frame reader and a million mutated payloads through the decoders: nothing
/// escapes, and valid frames that follow garbage are still found (the reader resynchronises).
/// </summary>
public class FuzzTests
{
    private const int Iterations = 1_000_000;

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = random.Next(4) == 0 ? new byte[random.Next(0, 12)] : (byte[])seed.Clone();
        if (bytes.Length == 0 || random.Next(4) == 0)
        {
            random.NextBytes(bytes);
            return bytes;
        }
        for (var flips = random.Next(1, 3); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        return random.Next(3) == 0 ? bytes[..random.Next(bytes.Length + 1)] : bytes;
    }

    [Fact]
    public void A_million_mutated_frames_never_break_the_reader_and_valid_frames_after_them_are_found()
    {
        var random = new Random(11);
        var clock = new StepClock();
        var reader = new SerialFrameReader(clock, SerialFrameReader.DefaultByteTimeout);
        byte[][] seeds =
        [
            SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.ApplicationCommandHandler, new ApplicationCommand(0, 5, Hex.Bytes("31 05 01 22 00 D7")).Encode())),
            SerialFrameCodec.Encode(SerialFrame.Response(FunctionId.SendData, 0x01)),
            SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.ApplicationUpdate, new NodeInformation(0x84, 3, 4, 0x11, 1, [0x26, 0x72]).Encode())),
            [FrameBytes.Ack],
        ];
        var marker = SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.GetVersion));
        long found = 0, markers = 0;
        for (var i = 0; i < Iterations; i++)
        {
            foreach (var b in Mutate(random, seeds[random.Next(seeds.Length)]))
                if (reader.Feed(b) == ReadEvent.Frame) found++;
            if (i % 1000 != 0) continue;
            // A frame left open by the garbage ends after the byte timeout; a valid frame then reads.
            markers++;
            var events = new List<ReadEvent>();
            clock.Advance(TimeSpan.FromSeconds(2));
            foreach (var b in marker) events.Add(reader.Feed(b));
            Assert.Equal(ReadEvent.Frame, events[^1]);
            Assert.Equal(FunctionId.GetVersion, reader.Frame!.FunctionId);
        }
        Assert.True(found > 0);
        Assert.True(reader.GarbageBytes > 0 && reader.BadChecksums > 0);
        Assert.Equal(Iterations / 1000, markers);
    }

    [Fact]
    public void A_million_mutated_payloads_never_break_the_decoders()
    {
        var random = new Random(12);
        var stack = EncapsulationStack.Default();
        byte[][] seeds =
        [
            Hex.Bytes("31 05 01 22 00 D7"), Hex.Bytes("32 02 21 34 00 00 03 E8 00 00"), Hex.Bytes("71 05 00 00 00 FF 07 00 01 08"),
            Hex.Bytes("71 08 01 E2"), Hex.Bytes("26 03 32"), Hex.Bytes("25 03 FF"), Hex.Bytes("80 03 FF"), Hex.Bytes("72 05 00 86 00 03 00 62"),
            Hex.Bytes("86 12 03 07 12 01 02"), Hex.Bytes("60 0D 02 00 25 03 FF"), Hex.Bytes("30 03 FF 0A"), Hex.Bytes("20 03 63"),
            Hex.Bytes("43 03 01 22 00 D7"), Hex.Bytes("40 03 01"), Hex.Bytes("70 06 05 02 01 2C"), Hex.Bytes("5B 03 07 82 01"),
            Hex.Bytes("6C 02 05 FF 00"), Hex.Bytes("6C 01 85 03 25 01 FF"), Hex.Bytes("85 03 01 05 00 01"), Hex.Bytes("84 06 00 0E 10 01"),
            Hex.Bytes("60 08 40 02"), Hex.Bytes("60 0A 02 10 01 25 32"), Hex.Bytes("32 04 81 05"),
        ];
        long decoded = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var payload = Mutate(random, seeds[random.Next(seeds.Length)]);
            if (stack.Unwrap(new EncapsulatedCommand(5, 0, payload)) is not { } inner) continue;
            if (SupervisionCommandClass.ParseGet(inner.Payload) is { } supervised) inner = inner with { Payload = supervised.Command };
            if (CommandClassDecoder.Decode(inner.Payload) is not { } report) continue;
            decoded++;
            foreach (var kind in ZWaveControllableNames.All) _ = ZWaveStateTranslator.FromReport(kind, report);
            _ = ApplicationCommand.Parse(payload);
            _ = NodeInformation.Parse(payload);
            _ = SendData.ParseRequest(payload);
        }
        Assert.True(decoded > Iterations / 10);
    }
}
