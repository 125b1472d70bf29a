using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;
using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Tests;

public class FuzzTests
{
    private const int FrameCount = 1_000_000;
    private static readonly byte[] Rorgs = [Rorg.Rps, Rorg.Bs1, Rorg.Bs4, Rorg.Vld, Rorg.Ute];

    [Fact]
    public async Task A_million_random_and_mutated_frames_never_throw_and_the_reader_always_progresses()
    {
        var result = await Task.Run(() => Run(seed: 0x5EED_E5B3)).WaitAsync(TimeSpan.FromMinutes(2));

        // Every byte is accounted for: consumed by a packet, discarded, or still buffered (at most one partial frame).
        Assert.Equal(result.Appended, result.Consumed + result.Reader.BytesDiscarded + result.Reader.BufferedBytes);
        Assert.True(result.Reader.BufferedBytes < Esp3Packet.FramingOverhead + Esp3FrameReader.MaxPayloadLength);
        // Intact frames come out even among the garbage; a rare false frame (both CRCs matching by chance) may cost one.
        Assert.True(result.Reader.FramesDecoded >= result.Pristine, $"{result.Reader.FramesDecoded} decoded, {result.Pristine} intact frames sent");
        Assert.True(result.PristineMatched >= result.Pristine * 0.999, $"{result.PristineMatched} of {result.Pristine} intact frames came out unchanged");
        Assert.True(result.Reader.HeaderCrcErrors > 0 && result.Reader.DataCrcErrors > 0 && result.Reader.LengthErrors > 0);
        Assert.True(result.Telegrams > FrameCount / 4);
        Assert.True(result.States > 0);
    }

    [Fact]
    public void Random_telegrams_through_every_decoder_never_throw()
    {
        var random = new Random(1234);
        var decoders = EepDecoders.All.ToArray();
        for (var i = 0; i < 100_000; i++)
        {
            var rorg = random.Next(4) == 0 ? (byte)random.Next(256) : Rorgs[random.Next(Rorgs.Length)];
            var payload = new byte[random.Next(0, 16)];
            random.NextBytes(payload);
            var telegram = new Erp1Telegram(rorg, payload, (uint)random.Next(), (byte)random.Next(256), Erp1Telegram.Broadcast, -random.Next(256), 1);
            foreach (var decoder in decoders)
            {
                decoder.Decode(telegram);
                decoder.DecodeReadings(telegram);
            }
            TeachIn.TryParse4Bs(telegram, out _, out _);
            TeachIn.Is1BsTeachIn(telegram);
            if (UteQuery.TryParse(telegram, out var query)) query.BuildResponse(0xFFA1B200, random.Next(2) == 0);
            D201ActuatorStatus.TryParse(payload, out _);
            D201ActuatorMeasurement.TryParse(payload, out _);
        }
    }

    private sealed record FuzzResult(Esp3FrameReader Reader, long Appended, long Consumed, long Pristine, long PristineMatched, long Telegrams, long States);

    private static FuzzResult Run(int seed)
    {
        var random = new Random(seed);
        var reader = new Esp3FrameReader();
        var decoders = EepDecoders.All.ToArray();
        var pending = new List<string>();
        var next = 0;
        long appended = 0, consumed = 0, pristine = 0, pristineMatched = 0, telegrams = 0, states = 0;
        var stream = new List<byte>(64 * 1024);

        for (var i = 0; i < FrameCount; i++)
        {
            var frame = RandomFrame(random);
            switch (random.Next(10))
            {
                case <= 3: // intact
                    stream.AddRange(frame);
                    pristine++;
                    pending.Add(Convert.ToHexString(frame));
                    break;
                case 4: // bit flips
                    for (var flips = random.Next(1, 4); flips > 0; flips--) frame[random.Next(frame.Length)] ^= (byte)(1 << random.Next(8));
                    stream.AddRange(frame);
                    break;
                case 5: // truncated
                    stream.AddRange(frame.AsSpan(0, random.Next(1, frame.Length)));
                    break;
                case 6: // duplicated sync bytes, before or inside
                    var at = random.Next(frame.Length);
                    stream.AddRange(frame.AsSpan(0, at));
                    for (var n = random.Next(1, 4); n > 0; n--) stream.Add(Esp3Packet.SyncByte);
                    stream.AddRange(frame.AsSpan(at));
                    break;
                case 7: // random garbage, sync-rich
                    for (var n = random.Next(1, 40); n > 0; n--) stream.Add(random.Next(4) == 0 ? Esp3Packet.SyncByte : (byte)random.Next(256));
                    break;
                case 8: // a header with a right CRC and a random (often impossible) length
                    byte[] header = [(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)];
                    stream.Add(Esp3Packet.SyncByte);
                    stream.AddRange(header);
                    stream.Add(Esp3Crc8.Compute(header));
                    break;
                default: // byte substitution
                    frame[random.Next(frame.Length)] = (byte)random.Next(256);
                    stream.AddRange(frame);
                    break;
            }

            if (stream.Count < 32 * 1024 && i < FrameCount - 1) continue;

            // Feed the accumulated bytes in random splits, draining after each append.
            var bytes = stream.ToArray();
            stream.Clear();
            pending.RemoveRange(0, next);
            next = 0;
            var offset = 0;
            while (offset < bytes.Length)
            {
                var size = Math.Min(bytes.Length - offset, random.Next(3) == 0 ? 1 : random.Next(1, 300));
                reader.Append(bytes.AsSpan(offset, size));
                appended += size;
                offset += size;
                var reads = 0;
                while (reader.TryRead(out var packet))
                {
                    Assert.True(++reads <= size / Esp3Packet.FramingOverhead + 1 + Esp3FrameReader.MaxPayloadLength, "the reader returned more packets than bytes allow");
                    consumed += packet.EncodedLength;
                    // Intact frames come out in order; those swallowed by a false frame (a random header with a right CRC and a
                    // length up to 1024, whose data CRC also matches by chance) are skipped over.
                    var hex = Convert.ToHexString(packet.Encode());
                    for (var j = next; j < Math.Min(next + 512, pending.Count); j++)
                    {
                        if (pending[j] != hex) continue;
                        next = j + 1;
                        pristineMatched++;
                        break;
                    }
                    states += Exercise(packet, decoders);
                    if (Erp1Telegram.TryParse(packet, out _)) telegrams++;
                }
            }
        }

        return new FuzzResult(reader, appended, consumed, pristine, pristineMatched, telegrams, states);
    }

    private static long Exercise(Esp3Packet packet, IEepDecoder[] decoders)
    {
        VersionInfo.TryParse(packet.Data, out _);
        IdBaseInfo.TryParse(packet.Data, packet.OptionalData, out _);
        if (!Erp1Telegram.TryParse(packet, out var telegram)) return 0;

        long count = 0;
        foreach (var decoder in decoders)
        {
            var states = decoder.Decode(telegram);
            var readings = decoder.DecodeReadings(telegram);
            if (decoder.Profile.Rorg != telegram.Rorg)
            {
                // A decoder never reads a telegram of another RORG (plain check: Assert.Empty would dominate the run time).
                if (states.Count != 0 || readings.Count != 0) Assert.Fail($"{decoder.Profile} decoded {telegram}");
                continue;
            }
            count += states.Count;
            foreach (var reading in readings) count += reading.States.Count;
        }

        TeachIn.TryParse4Bs(telegram, out _, out _);
        TeachIn.Is1BsTeachIn(telegram);
        if (UteQuery.TryParse(telegram, out var query)) query.BuildResponse(0xFFA1B200, true);
        if (telegram.Dbm is { } dbm) count += SignalStates.From(dbm).Count;
        return count;
    }

    private static byte[] RandomFrame(Random random)
    {
        switch (random.Next(8))
        {
            case 0: // a response or command: random data, sometimes with sync bytes inside
            {
                var data = new byte[random.Next(1, 40)];
                random.NextBytes(data);
                if (random.Next(2) == 0) data[random.Next(data.Length)] = Esp3Packet.SyncByte;
                var optional = new byte[random.Next(0, 3)];
                random.NextBytes(optional);
                return new Esp3Packet((byte)random.Next(1, 11), data, optional).Encode();
            }
            default: // an ERP1 telegram of a known RORG with a fitting, random payload
            {
                var rorg = Rorgs[random.Next(Rorgs.Length)];
                var (min, max) = Rorg.PayloadLength(rorg)!.Value;
                var payload = new byte[random.Next(min, max + 1)];
                random.NextBytes(payload);
                if (rorg == Rorg.Bs4 && random.Next(4) != 0) payload[3] |= TeachIn.LrnBit;
                if (rorg == Rorg.Vld && random.Next(2) == 0) payload[0] = (byte)(random.Next(2) == 0 ? 0x04 : 0x07);
                var telegram = new Erp1Telegram(rorg, payload, (uint)random.Next(), (byte)(0x20 | random.Next(0x20)), Erp1Telegram.Broadcast, null, 1);
                var frame = telegram.ToPacket().Encode();
                frame[^3] = (byte)random.Next(30, 100); // a received dBm
                frame[^1] = Esp3Crc8.Compute(frame.AsSpan(Esp3Packet.HeaderSize, frame.Length - Esp3Packet.FramingOverhead));
                return frame;
            }
        }
    }
}
