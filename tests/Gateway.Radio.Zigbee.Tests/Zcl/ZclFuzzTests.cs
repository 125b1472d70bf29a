using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Tests.Zcl;

/// <summary>
/// Deterministic fuzzing (fixed seeds, so a failure reproduces) of the ZCL header decoder and every payload parser:
/// one million frames in all, random or mutated from valid ones. Any exception fails the test.
/// </summary>
[Collection(nameof(ZclFuzzCollection))]
public class ZclFuzzTests
{
    private const int RandomFrames = 700_000;
    private const int MutatedFrames = 300_000;

    private static readonly byte[][] Seeds =
    [
        .. new[]
        {
            ZclGlobal.ReadAttributes(1, 0x0004, 0x0005),
            ZclGlobal.ReadAttributesResponse(2, [new(0x0005, ZclStatus.Success, ZclValue.CharString("lamp")), new(0x0007, ZclStatus.Success, ZclValue.Enum8(1)), new(0x4000, ZclStatus.UnsupportedAttribute, null)]),
            ZclGlobal.WriteAttributes(3, (0x0012, ZclValue.Int16(2100))),
            ZclGlobal.WriteAttributesResponse(4, [new(ZclStatus.ReadOnly, 0x0012)]),
            ZclGlobal.ConfigureReporting(5, [new(0x0000, ZclDataType.Int16, 10, 300, ZclValue.Int16(10)), new(0x0000, ZclDataType.Bool, 0, 300)]),
            ZclGlobal.ConfigureReportingResponse(6, [new(ZclStatus.UnreportableAttribute, 0, 0x0000)]),
            ZclGlobal.ReportAttributes(7, (0x0000, ZclValue.Int16(2150)), (0x0021, ZclValue.UInt8(200))),
            ZclGlobal.DefaultResponse(8, 0x01, ZclStatus.Success),
            ZclGlobal.DiscoverAttributes(9),
            ZclGlobal.DiscoverAttributesResponse(10, true, [new(0x0000, ZclDataType.Bool)]),
        }.Select(ZclCodec.Encode),
        Hex.Bytes("1C 34 12 C2 0A 02 FF 4C 06 00 10 01 21 CE 0B 21 A8 43 24 01 00 00 00 00 21 30 02 20 56"),
        Hex.Bytes("18 01 0A 00 00 48 20 03 00 01 02 03 01 00 50 21 02 00 01 00 02 00"),
    ];

    /// <summary>Runs the decoder and, on any decoded frame, every parser as if the frame carried its command.</summary>
    private static int Exercise(ReadOnlySpan<byte> bytes)
    {
        if (!ZclCodec.TryDecode(bytes, out var frame)) return 0;
        var parsed = 0;
        var global = frame with { FrameType = ZclFrameType.Global };
        if (ReadAttributesRequest.TryParse(global with { CommandId = ZclGlobalCommand.ReadAttributes }, out _)) parsed++;
        if (ReadAttributesResponse.TryParse(global with { CommandId = ZclGlobalCommand.ReadAttributesResponse }, out _)) parsed++;
        if (WriteAttributesRequest.TryParse(global with { CommandId = ZclGlobalCommand.WriteAttributes }, out _)) parsed++;
        if (WriteAttributesResponse.TryParse(global with { CommandId = ZclGlobalCommand.WriteAttributesResponse }, out _)) parsed++;
        if (ConfigureReportingRequest.TryParse(global with { CommandId = ZclGlobalCommand.ConfigureReporting }, out _)) parsed++;
        if (ConfigureReportingResponse.TryParse(global with { CommandId = ZclGlobalCommand.ConfigureReportingResponse }, out _)) parsed++;
        if (AttributeReport.TryParse(global with { CommandId = ZclGlobalCommand.ReportAttributes }, out _)) parsed++;
        if (DefaultResponse.TryParse(global with { CommandId = ZclGlobalCommand.DefaultResponse }, out _)) parsed++;
        if (DiscoverAttributesRequest.TryParse(global with { CommandId = ZclGlobalCommand.DiscoverAttributes }, out _)) parsed++;
        if (DiscoverAttributesResponse.TryParse(global with { CommandId = ZclGlobalCommand.DiscoverAttributesResponse }, out _)) parsed++;
        parsed += ZclClusterParsers.ExerciseAll(frame);
        return parsed;
    }

    [Fact]
    public void Random_frames_never_throw()
    {
        var random = new Random(1909);
        var buffer = new byte[64];
        var decoded = 0;
        for (var i = 0; i < RandomFrames; i++)
        {
            var length = random.Next(0, buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            if (Exercise(buffer.AsSpan(0, length)) > 0) decoded++;
        }
        Assert.True(decoded > 0);
    }

    [Fact]
    public void Mutated_valid_frames_never_throw_and_many_still_parse()
    {
        var random = new Random(2406);
        var parsed = 0;
        for (var i = 0; i < MutatedFrames; i++)
        {
            var seed = Seeds[random.Next(Seeds.Length)];
            var bytes = (byte[])seed.Clone();
            switch (random.Next(5))
            {
                case 0: bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256); break;
                case 1: bytes = bytes[..random.Next(0, bytes.Length)]; break;
                case 2: bytes[random.Next(3, bytes.Length)] = (byte)random.Next(256); bytes[random.Next(3, bytes.Length)] = (byte)random.Next(256); break;
                case 3: bytes = [.. bytes, .. Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(256))]; break;
                default: break;
            }
            parsed += Exercise(bytes);
        }
        Assert.True(parsed > MutatedFrames / 10);
    }
}
