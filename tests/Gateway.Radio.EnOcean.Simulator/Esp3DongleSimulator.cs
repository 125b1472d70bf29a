using System.Collections.Concurrent;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;
using Gateway.Radio.EnOcean.Protocol.Esp3;
using Gateway.Serial;

namespace Gateway.Radio.EnOcean.Simulator;

/// <summary>
/// The dongle side of an ESP3 link: answers the common commands a USB 300 answers, acknowledges the telegrams the
/// gateway sends and keeps them for inspection, plays D2-01 actuators that answer with their status, and emits
/// whatever telegrams (or broken bytes) a test asks for. With a baud rate set, bytes leave at that rate.
/// </summary>
public sealed class Esp3DongleSimulator(IByteTransport link, uint baseId = 0xFF800000, int baudRate = 0) : IAsyncDisposable
{
    private readonly Esp3FrameReader _reader = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<uint, int[]> _d201Actuators = new();
    private Task _loop = Task.CompletedTask;

    public uint BaseId => baseId;

    /// <summary>Every ESP3 packet the gateway sent, in order.</summary>
    public ConcurrentQueue<Esp3Packet> Received { get; } = new();

    /// <summary>The radio telegrams among them.</summary>
    public IEnumerable<Erp1Telegram> SentTelegrams =>
        Received.Select(p => Erp1Telegram.TryParse(p, out var t) ? t : null).OfType<Erp1Telegram>();

    /// <summary>When false the dongle stays silent, as a wedged or wrong device would.</summary>
    public bool Answering { get; set; } = true;

    /// <summary>The next this many packets are taken but get no RESPONSE, as when a RESPONSE is lost on the line.</summary>
    public int ResponsesToLose { get => Volatile.Read(ref _responsesToLose); set => Volatile.Write(ref _responsesToLose, value); }

    private int _responsesToLose;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await link.OpenAsync(cancellationToken);
        _loop = Task.Run(() => ReadLoopAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>A D2-01 actuator with <paramref name="channels"/> outputs that confirms every command.</summary>
    public void AddD201Actuator(uint id, int channels) => _d201Actuators[id] = new int[channels];

    public int OutputOf(uint id, int channel) => _d201Actuators.TryGetValue(id, out var outputs) ? outputs[channel] : -1;

    /// <summary>Sends a telegram as heard over the air, <paramref name="copies"/> times (repeaters).</summary>
    public async Task EmitAsync(Erp1Telegram telegram, int copies = 1)
    {
        for (var copy = 0; copy < copies; copy++)
        {
            var repeated = telegram with { Status = (byte)((telegram.Status & 0xF0) | copy) };
            await WriteAsync(AsReceived(repeated).Encode());
        }
    }

    /// <summary>Writes raw bytes in chunks of <paramref name="chunk"/> (0 = at once): partial frames, garbage.</summary>
    public async Task EmitBytesAsync(byte[] bytes, int chunk = 0)
    {
        if (chunk <= 0)
        {
            await WriteAsync(bytes);
            return;
        }
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            await WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)));
            await Task.Delay(2);
        }
    }

    public async Task<Erp1Telegram> WaitForSentAsync(Func<Erp1Telegram, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = SentTelegrams.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(10);
        }
        throw new TimeoutException("the gateway never sent the expected telegram");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await link.DisposeAsync();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        while (!cancellationToken.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await link.ReadAsync(buffer, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (read == 0) return;
            _reader.Append(buffer.AsSpan(0, read));
            while (_reader.TryRead(out var packet))
            {
                Received.Enqueue(packet);
                if (!Answering) continue;
                if (Volatile.Read(ref _responsesToLose) > 0 && Interlocked.Decrement(ref _responsesToLose) >= 0) continue;
                await AnswerAsync(packet);
            }
        }
    }

    private async Task AnswerAsync(Esp3Packet packet)
    {
        switch (packet.PacketType)
        {
            case Esp3PacketType.CommonCommand when packet.Data.Length > 0 && packet.Data[0] == Esp3Commands.CoRdVersion:
                await RespondAsync(Esp3ReturnCode.Ok, VersionPayload(), []);
                break;
            case Esp3PacketType.CommonCommand when packet.Data.Length > 0 && packet.Data[0] == Esp3Commands.CoRdIdBase:
                await RespondAsync(Esp3ReturnCode.Ok, [(byte)(baseId >> 24), (byte)(baseId >> 16), (byte)(baseId >> 8), (byte)baseId], [0x0A]);
                break;
            case Esp3PacketType.CommonCommand:
                await RespondAsync(Esp3ReturnCode.NotSupported, [], []);
                break;
            case Esp3PacketType.RadioErp1:
                await RespondAsync(Esp3ReturnCode.Ok, [], []);
                if (Erp1Telegram.TryParse(packet, out var telegram)) await ActAsync(telegram);
                break;
            default:
                await RespondAsync(Esp3ReturnCode.NotSupported, [], []);
                break;
        }
    }

    /// <summary>D2-01 actuators addressed by the gateway set their output and answer with their status.</summary>
    private async Task ActAsync(Erp1Telegram telegram)
    {
        if (telegram.Rorg != Rorg.Vld || !_d201Actuators.TryGetValue(telegram.DestinationId, out var outputs) || telegram.Payload.Length < 2) return;
        var command = telegram.Payload[0] & 0x0F;
        var channel = telegram.Payload[1] & 0x1F;
        var channels = channel == D201.AllChannels ? Enumerable.Range(0, outputs.Length) : channel < outputs.Length ? [channel] : [];
        if (command == D201.CmdActuatorSetOutput && telegram.Payload.Length >= 3)
            foreach (var c in channels) outputs[c] = telegram.Payload[2] & 0x7F;
        if (command is not (D201.CmdActuatorSetOutput or D201.CmdActuatorStatusQuery)) return;
        await Task.Delay(20);
        foreach (var c in channels) await EmitAsync(DeviceTelegrams.D201Status(telegram.DestinationId, c, outputs[c], telegram.SenderId));
    }

    /// <summary>
    /// A telegram as a dongle hands it to its host: the optional data carries the sub-telegram count, the
    /// destination, the signal strength (as a positive number of -dBm) and the security level.
    /// </summary>
    public static Esp3Packet AsReceived(Erp1Telegram telegram)
    {
        var s = telegram.SenderId;
        var d = telegram.DestinationId;
        byte[] data = [telegram.Rorg, .. telegram.Payload, (byte)(s >> 24), (byte)(s >> 16), (byte)(s >> 8), (byte)s, telegram.Status];
        byte[] optional = [telegram.SubTelegramCount, (byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d, (byte)Math.Clamp(-(telegram.Dbm ?? -70), 0, 255), 0];
        return new Esp3Packet(Esp3PacketType.RadioErp1, data, optional);
    }

    private Task RespondAsync(Esp3ReturnCode code, byte[] data, byte[] optional) =>
        WriteAsync(new Esp3Packet(Esp3PacketType.Response, [(byte)code, .. data], optional).Encode());

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _writeGate.WaitAsync();
        try
        {
            // A pty moves bytes instantly; on a real line the frame is complete only after 10 bit times per byte.
            if (baudRate > 0) WaitPrecisely(TimeSpan.FromSeconds(bytes.Length * 10.0 / baudRate));
            await link.WriteAsync(bytes, TimeSpan.FromSeconds(2), CancellationToken.None);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Timer-based delays are only good to a millisecond or so; a frame lasts about four.</summary>
    private static void WaitPrecisely(TimeSpan duration)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(start) < duration) Thread.SpinWait(20);
    }

    private static byte[] VersionPayload()
    {
        var payload = new byte[32];
        payload[0] = 2; payload[1] = 11; payload[2] = 1; // app version 2.11.1.0
        payload[4] = 2; payload[5] = 6; payload[6] = 3;  // api version 2.6.3.0
        payload[8] = 0x01; payload[9] = 0x8F; payload[10] = 0x42; payload[11] = 0x21; // chip id
        System.Text.Encoding.ASCII.GetBytes("GATEWAYD USB300 SIM").AsSpan(0, 16).CopyTo(payload.AsSpan(16));
        return payload;
    }
}
