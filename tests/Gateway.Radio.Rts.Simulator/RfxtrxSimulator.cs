using System.Collections.Concurrent;
using System.Text;
using Gateway.Radio.Rts.Protocol;
using Gateway.Serial;

namespace Gateway.Radio.Rts.Simulator;

/// <summary>
/// The interface side of an RFXtrx433E link: answers reset (silently), get status, set mode and start receiver as
/// E firmware does, keeps a remote table with rolling codes, transmits RFY packets to the simulated motors and
/// acknowledges them (or refuses: unknown remote). Faults on request: NAKs, frames that get no answer at all
/// (lost), silence, and garbage bytes.
/// </summary>
public sealed class RfxtrxSimulator(IByteTransport link, TransceiverMemory? memory = null) : IAsyncDisposable
{
    public const int FirmwareVersion = 1044;

    private readonly RfxFrameReader _reader = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private int _naksToSend, _framesToDrop;
    private byte _msg3, _msg4, _msg5, _msg6;

    public TransceiverMemory Memory { get; } = memory ?? new TransceiverMemory();

    /// <summary>Every frame the gateway sent, in order.</summary>
    public ConcurrentQueue<RfxFrame> Received { get; } = new();

    /// <summary>The RFY packets among them that were acknowledged (went on air).</summary>
    public ConcurrentQueue<RfyPacket> Transmitted { get; } = new();

    /// <summary>When false the interface stays silent, as a wedged or wrong device would.</summary>
    public bool Answering { get; set; } = true;

    /// <summary>The firmware type the status answer gives (E firmware by default: it transmits RFY).</summary>
    public byte FirmwareType { get; set; } = InterfaceStatus.FirmwareTypePro1;

    public int Resets { get; private set; }

    /// <summary>Called on the read loop for every whole frame as it comes off the line (benchmarks time it).</summary>
    public Action<RfxFrame>? FrameArrived { get; set; }

    /// <summary>The next <paramref name="count"/> RFY packets are refused with NAK (no frequency lock).</summary>
    public void NakNext(int count) => Interlocked.Exchange(ref _naksToSend, count);

    /// <summary>The next <paramref name="count"/> RFY packets get no answer, as if the frame was lost.</summary>
    public void DropNext(int count) => Interlocked.Exchange(ref _framesToDrop, count);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await link.OpenAsync(cancellationToken);
        _loop = Task.Run(() => ReadLoopAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task EmitBytesAsync(byte[] bytes) => await WriteAsync(bytes);

    /// <summary>Waits until the gateway has finished its start-up (status, mode, receiver, remote list).</summary>
    public async Task WaitForStartupAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Received.Any(f => f.PacketType == RfxPacketTypes.Rfy && f.Data.Length > 4 && f.Data[4] == (byte)RfyCommand.ListRemotes))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the gateway never finished starting the interface");
            await Task.Delay(10);
        }
    }

    public async Task<RfyPacket> WaitForTransmittedAsync(Func<RfyPacket, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Transmitted.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(10);
        }
        throw new TimeoutException("the gateway never transmitted the expected RFY packet");
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
            catch (Exception ex) when (ex is OperationCanceledException or TransportException or IOException)
            {
                return;
            }
            if (read == 0) return;
            _reader.Append(buffer.AsSpan(0, read));
            while (_reader.TryRead(out var frame))
            {
                Received.Enqueue(frame);
                FrameArrived?.Invoke(frame);
                if (Answering) await AnswerAsync(frame);
            }
        }
    }

    private async Task AnswerAsync(RfxFrame frame)
    {
        if (frame.PacketType == RfxPacketTypes.InterfaceControl && frame.Data.Length >= 7)
        {
            switch (frame.Data[0])
            {
                case InterfaceCommand.Reset:
                    Resets++;
                    return;
                case InterfaceCommand.GetStatus:
                    await SendAsync(Status(InterfaceCommand.GetStatus).ToFrame(frame.Sequence));
                    return;
                case InterfaceCommand.SetMode:
                    (_msg3, _msg4, _msg5, _msg6) = (frame.Data[3], frame.Data[4], frame.Data[5], frame.Data[6]);
                    await SendAsync(Status(InterfaceCommand.SetMode).ToFrame(frame.Sequence));
                    return;
                case InterfaceCommand.StartReceiver:
                    await SendAsync(new RfxFrame(RfxPacketTypes.InterfaceMessage, RfxPacketTypes.ReceiverStarted, frame.Sequence,
                        [InterfaceCommand.StartReceiver, .. Encoding.ASCII.GetBytes("Copyright RFXCOM")]));
                    return;
                default:
                    await SendAsync(new RfxFrame(RfxPacketTypes.InterfaceMessage, RfxPacketTypes.WrongCommand, frame.Sequence, [frame.Data[0]]));
                    return;
            }
        }
        if (!RfyPacket.TryParse(frame, out var packet)) return;
        if (TryTake(ref _framesToDrop)) return;
        if (TryTake(ref _naksToSend))
        {
            await SendAsync(TransmitterResponse.Create(frame.Sequence, TransmitterResult.NakNoFrequencyLock));
            return;
        }
        switch (packet.Command)
        {
            case RfyCommand.ListRemotes:
                var index = 0;
                foreach (var (address, rolling) in Memory.Remotes.OrderBy(r => r.Key.Id).ThenBy(r => r.Key.Unit))
                    await SendAsync(new RfyRemoteEntry(index++, false, address, rolling).ToFrame());
                await Ack(frame);
                return;
            case RfyCommand.Program:
                Memory.Remotes.TryAdd(packet.Address, 0);
                foreach (var motor in Memory.Motors.Values.Where(m => m.ProgrammingMode)) motor.Learn(packet.Address);
                break;
            case RfyCommand.EraseThis:
                Memory.Remotes.TryRemove(packet.Address, out _);
                await Ack(frame);
                return;
            case RfyCommand.EraseAll:
                Memory.Remotes.Clear();
                await Ack(frame);
                return;
            default:
                if (!Memory.Remotes.ContainsKey(packet.Address))
                {
                    await SendAsync(new RfxFrame(RfxPacketTypes.InterfaceMessage, RfxPacketTypes.UnknownRfyRemote, frame.Sequence, [0x00]));
                    return;
                }
                foreach (var motor in Memory.Motors.Values.Where(m => m.Obeys(packet.Address))) motor.Obey(packet.Command);
                break;
        }
        Memory.Remotes.AddOrUpdate(packet.Address, 1, (_, code) => (code + 1) & 0xFFFF);
        Transmitted.Enqueue(packet);
        await Ack(frame);
    }

    private Task Ack(RfxFrame frame) => SendAsync(TransmitterResponse.Create(frame.Sequence, TransmitterResult.Ack));

    private InterfaceStatus Status(byte command) =>
        new(command, InterfaceCommand.Transceiver43392, FirmwareVersion, FirmwareType, _msg3, _msg4, _msg5, _msg6);

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0) return false;
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current) return true;
        }
    }

    private Task SendAsync(RfxFrame frame) => WriteAsync(frame.Encode());

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _writeGate.WaitAsync();
        try
        {
            await link.WriteAsync(bytes, TimeSpan.FromSeconds(2), _stopping.Token);
        }
        catch (Exception ex) when (ex is TransportException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
