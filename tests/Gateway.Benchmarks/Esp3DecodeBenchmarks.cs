using BenchmarkDotNet.Attributes;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;
using Gateway.Radio.EnOcean.Protocol.Esp3;
using Gateway.Radio.EnOcean.Simulator;

namespace Gateway.Benchmarks;

/// <summary>
/// The receive path of the EnOcean radio without I/O: bytes → ESP3 frames → ERP1 telegrams → EEP states, over a
/// stream of 1,000 mixed frames (temperature, humidity, rocker, contact) fed in 64-byte reads like a serial port.
/// </summary>
[MemoryDiagnoser]
public class Esp3DecodeBenchmarks
{
    public const int FramesPerStream = 1000;
    private byte[] _stream = [];
    private readonly IEepDecoder _temperature = EepDecoders.Find(new EepProfile(0xA5, 0x02, 0x05))!;
    private readonly IEepDecoder _humidity = EepDecoders.Find(new EepProfile(0xA5, 0x04, 0x01))!;
    private readonly IEepDecoder _rocker = EepDecoders.Find(new EepProfile(0xF6, 0x02, 0x01))!;
    private readonly IEepDecoder _contact = EepDecoders.Find(new EepProfile(0xD5, 0x00, 0x01))!;

    [GlobalSetup]
    public void Setup()
    {
        var frames = new List<byte>();
        for (var i = 0; i < FramesPerStream; i++)
        {
            var telegram = (i % 4) switch
            {
                0 => DeviceTelegrams.TemperatureA50205(0x01000000u + (uint)i, 15 + i % 10),
                1 => DeviceTelegrams.TemperatureHumidityA50401(0x02000000u + (uint)i, 20, 40 + i % 20),
                2 => DeviceTelegrams.RockerPressed(0x03000000u + (uint)i, "A0"),
                _ => DeviceTelegrams.Contact(0x04000000u + (uint)i, i % 8 == 3),
            };
            frames.AddRange(Esp3DongleSimulator.AsReceived(telegram).Encode());
        }
        _stream = [.. frames];
    }

    [Benchmark(OperationsPerInvoke = FramesPerStream)]
    public int DecodeFrames()
    {
        var reader = new Esp3FrameReader();
        var states = 0;
        for (var offset = 0; offset < _stream.Length; offset += 64)
        {
            reader.Append(_stream.AsSpan(offset, Math.Min(64, _stream.Length - offset)));
            while (reader.TryRead(out var packet))
            {
                if (!Erp1Telegram.TryParse(packet, out var telegram)) continue;
                var decoder = telegram.Rorg switch
                {
                    Rorg.Rps => _rocker,
                    Rorg.Bs1 => _contact,
                    _ => (telegram.SenderId >> 24) == 1 ? _temperature : _humidity,
                };
                states += decoder.Decode(telegram).Count;
            }
        }
        return states;
    }
}
