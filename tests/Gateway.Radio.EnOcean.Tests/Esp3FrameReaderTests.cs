using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean.Tests;

public class Esp3FrameReaderTests
{
    private const string Version = "55 0001 00 05 70 03 09";
    private const string RadioVld = "55 000F 07 01 2B D2DDDDDDDDDDDDDDDDDD008035C400 03FFFFFFFF4D00 36";
    private const string Temperature = "55 000A 07 01 EB A500005508 0181B744 00 01FFFFFFFF2D00 75";

    private static List<Esp3Packet> Drain(Esp3FrameReader reader)
    {
        var packets = new List<Esp3Packet>();
        while (reader.TryRead(out var packet)) packets.Add(packet);
        return packets;
    }

    [Fact]
    public void A_frame_fed_byte_by_byte_comes_out_once_complete()
    {
        var frame = Hex.Bytes(RadioVld);
        var reader = new Esp3FrameReader();
        for (var i = 0; i < frame.Length - 1; i++)
        {
            reader.Append(frame.AsSpan(i, 1));
            Assert.False(reader.TryRead(out _));
        }
        reader.Append(frame.AsSpan(frame.Length - 1));

        Assert.True(reader.TryRead(out var packet));
        Assert.Equal(Hex.Of(frame), Hex.Of(packet.Encode()));
        Assert.Equal(1, reader.FramesDecoded);
        Assert.Equal(0, reader.BytesDiscarded);
        Assert.Equal(0, reader.BufferedBytes);
    }

    [Fact]
    public void Garbage_before_and_between_frames_is_skipped_and_counted()
    {
        var stream = Hex.Bytes("00 FF 13 37" + Version + "AA BB 55 CC" + Temperature + "01 02 03");
        var reader = new Esp3FrameReader();
        reader.Append(stream);

        var packets = Drain(reader);

        Assert.Equal(2, packets.Count);
        Assert.Equal(Esp3PacketType.CommonCommand, packets[0].PacketType);
        Assert.Equal(Esp3PacketType.RadioErp1, packets[1].PacketType);
        Assert.Equal(4 + 4 + 3, reader.BytesDiscarded);
        Assert.Equal(1, reader.HeaderCrcErrors); // the lone 55 in "AA BB 55 CC"
        Assert.Equal(0, reader.BufferedBytes);
    }

    [Fact]
    public void A_bad_header_crc_skips_only_the_sync_byte_so_the_next_frame_survives()
    {
        // A frame start whose header CRC is wrong, immediately followed by a good frame.
        var stream = Hex.Bytes("55 0001 00 05 71" + Version);
        var reader = new Esp3FrameReader();
        reader.Append(stream);

        var packet = Assert.Single(Drain(reader));
        Assert.Equal("03", Hex.Of(packet.Data));
        Assert.Equal(1, reader.HeaderCrcErrors);
        Assert.Equal(6, reader.BytesDiscarded);
    }

    [Fact]
    public void The_briefs_rps_example_has_a_wrong_data_crc_and_is_counted_not_delivered()
    {
        // 55 00 07 07 01 7A F6 30 00 2E E1 BD 30 01 FF FF FF FF 44 00 C6, as quoted: the data CRC of these bytes is B9, not C6.
        var reader = new Esp3FrameReader();
        reader.Append(Hex.Bytes("55 0007 07 01 7A F630002EE1BD30 01FFFFFFFF4400 C6"));

        Assert.Empty(Drain(reader));
        Assert.Equal(1, reader.DataCrcErrors);
        Assert.Equal(0, reader.FramesDecoded);
    }

    [Fact]
    public void A_bad_data_crc_loses_nothing_behind_it()
    {
        var bad = Hex.Bytes(Temperature);
        bad[^1] ^= 0x01;
        var reader = new Esp3FrameReader();
        reader.Append([.. bad, .. Hex.Bytes(Version)]);

        var packet = Assert.Single(Drain(reader));
        Assert.Equal(Esp3PacketType.CommonCommand, packet.PacketType);
        Assert.Equal(1, reader.DataCrcErrors);
        Assert.Equal(bad.Length, reader.BytesDiscarded);
    }

    [Fact]
    public void A_sync_byte_inside_the_payload_is_data()
    {
        // Response with 0x55 in its data (kipe/enocean's custom example), trailing FFs after it.
        var reader = new Esp3FrameReader();
        reader.Append(Hex.Bytes("55 0005 01 02 DB 00FF9E5500 0A 79 FFFFFFFFFFFFFF"));

        var packet = Assert.Single(Drain(reader));
        Assert.Equal("00FF9E5500", Hex.Of(packet.Data));
        Assert.Equal("0A", Hex.Of(packet.OptionalData));
        Assert.Equal(7, reader.BytesDiscarded);
    }

    [Fact]
    public void A_truncated_frame_whose_data_holds_a_sync_byte_does_not_hide_the_next_frame()
    {
        // The first frame is cut right after a 0x55 in its data; the good frame behind it must still come out.
        var first = new Esp3Packet(Esp3PacketType.Response, Hex.Bytes("00 55 55 01 02 03 04 05"), []).Encode();
        var reader = new Esp3FrameReader();
        reader.Append([.. first.AsSpan(0, 8), .. Hex.Bytes(Temperature), .. Hex.Bytes(Version)]);

        var packets = Drain(reader);

        Assert.Equal(2, packets.Count);
        Assert.Equal(Esp3PacketType.RadioErp1, packets[0].PacketType);
        Assert.Equal(Esp3PacketType.CommonCommand, packets[1].PacketType);
        Assert.Equal(8, reader.BytesDiscarded);
    }

    [Fact]
    public void An_oversize_length_is_garbage_even_with_a_right_header_crc()
    {
        // dataLength 0x0400 + optional 1 = 1025 > 1024, header CRC valid: rejected at once, not waited for.
        var header = Hex.Bytes("0400 01 01");
        byte[] oversize = [0x55, .. header, Esp3Crc8.Compute(header)];
        var reader = new Esp3FrameReader();
        reader.Append([.. oversize, .. Hex.Bytes(Version)]);

        var packet = Assert.Single(Drain(reader));
        Assert.Equal(Esp3PacketType.CommonCommand, packet.PacketType);
        Assert.Equal(1, reader.LengthErrors);
        Assert.Equal(0, reader.HeaderCrcErrors);
        Assert.Equal(6, reader.BytesDiscarded);
    }

    [Fact]
    public void The_largest_accepted_frame_decodes()
    {
        var packet = new Esp3Packet(Esp3PacketType.RadioErp2, new byte[1000], new byte[24]);
        var reader = new Esp3FrameReader(16);
        reader.Append(packet.Encode());

        Assert.True(reader.TryRead(out var read));
        Assert.Equal(1000, read.Data.Length);
        Assert.Equal(24, read.OptionalData.Length);
    }

    [Fact]
    public void A_zero_data_length_is_garbage()
    {
        var header = Hex.Bytes("0000 00 00");
        var reader = new Esp3FrameReader();
        reader.Append([0x55, .. header, Esp3Crc8.Compute(header), 0x00, .. Hex.Bytes(Version)]);

        Assert.Single(Drain(reader));
        Assert.Equal(1, reader.LengthErrors);
    }

    [Fact]
    public void Repeated_sync_bytes_before_a_frame_are_discarded()
    {
        var reader = new Esp3FrameReader();
        reader.Append(Hex.Bytes("55 55 55 55" + Version));

        Assert.Single(Drain(reader));
        Assert.Equal(4, reader.BytesDiscarded);
    }

    [Fact]
    public void Frames_split_across_many_appends_at_every_position_all_come_out()
    {
        var stream = Hex.Bytes(Version + Temperature + RadioVld);
        for (var cut1 = 0; cut1 <= stream.Length; cut1++)
        {
            for (var cut2 = cut1; cut2 <= stream.Length; cut2 += 3)
            {
                var reader = new Esp3FrameReader(16);
                var packets = new List<Esp3Packet>();
                reader.Append(stream.AsSpan(0, cut1));
                packets.AddRange(Drain(reader));
                reader.Append(stream.AsSpan(cut1, cut2 - cut1));
                packets.AddRange(Drain(reader));
                reader.Append(stream.AsSpan(cut2));
                packets.AddRange(Drain(reader));

                Assert.Equal(3, packets.Count);
                Assert.Equal(0, reader.BytesDiscarded);
            }
        }
    }

    [Fact]
    public void Skipping_a_stalled_partial_frame_releases_the_frames_behind_it()
    {
        // A header announcing 100 bytes that never come, then a good frame: the reader waits until told to give up.
        var header = Hex.Bytes("0064 00 01");
        var reader = new Esp3FrameReader();
        reader.Append([0x55, .. header, Esp3Crc8.Compute(header), .. Hex.Bytes(Version)]);

        Assert.False(reader.TryRead(out _));
        Assert.True(reader.HasPartialFrame);

        reader.SkipPartialFrame();

        var packet = Assert.Single(Drain(reader));
        Assert.Equal(Esp3PacketType.CommonCommand, packet.PacketType);
        Assert.False(reader.HasPartialFrame);
    }

    [Fact]
    public void Reset_drops_everything_buffered()
    {
        var reader = new Esp3FrameReader();
        reader.Append(Hex.Bytes("55 0001 00"));
        reader.Reset();
        reader.Append(Hex.Bytes(Version));

        Assert.Single(Drain(reader));
        Assert.Equal(4, reader.BytesDiscarded);
    }

    [Fact]
    public void Random_noise_never_throws_and_is_consumed_or_buffered()
    {
        var random = new Random(7);
        var reader = new Esp3FrameReader();
        long appended = 0, consumed = 0;
        for (var i = 0; i < 2000; i++)
        {
            var noise = new byte[random.Next(0, 200)];
            random.NextBytes(noise);
            reader.Append(noise);
            appended += noise.Length;
            while (reader.TryRead(out var packet)) consumed += packet.EncodedLength;
        }
        Assert.Equal(appended, consumed + reader.BytesDiscarded + reader.BufferedBytes);
    }
}
