using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Gateway.Serial;

namespace Gateway.Radio.ZWave.Simulator;

/// <summary>
/// The controller side of the Serial API: ACKs every valid frame from the host and NAKs a bad one, answers the
/// start-up requests, RequestNodeInfo and SendData (response, then callback) for a network that already holds nodes,
/// and passes the nodes' reports up as ApplicationCommandHandler frames. Its own frames wait for the host's ACK and
/// are retransmitted up to 3 times. Faults: missing ACKs, CAN, missing callbacks, silence (also right after ACKing a
/// request), garbage. Network management (ZWaveControllerSimulator.Network): inclusion, exclusion, failed nodes,
/// replacement, factory reset and soft reset; a node joins or leaves when its button is pressed (<see cref="PressButton"/>).
/// </summary>
public sealed partial class ZWaveControllerSimulator(IByteTransport transport, uint homeId = 0xC0FFEE01, byte ownNodeId = 1) : IAsyncDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMilliseconds(1600);
    private readonly ConcurrentDictionary<byte, SimulatedZWaveNode> _nodes = new();
    private readonly Channel<SerialFrame> _outgoing = Channel.CreateUnbounded<SerialFrame>();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(byte NodeId, byte[] Payload)> _sendData = new();
    private volatile TaskCompletionSource<bool>? _hostAck;
    private Task _reading = Task.CompletedTask, _writing = Task.CompletedTask;
    private int _dropAcks, _cans, _dropCallbacks, _stuckCallbackId, _sendDataAborts;
    private volatile byte _dropCallbacksFor;
    private byte[]? _lastFrame;

    public uint HomeId => _homeId ?? homeId;
    public byte OwnNodeId => ownNodeId;
    public IReadOnlyCollection<SimulatedZWaveNode> Nodes => [.. _nodes.Values.OrderBy(n => n.NodeId)];

    /// <summary>Wedged: reads everything, answers nothing (no ACK either).</summary>
    public bool Silent { get; set; }

    /// <summary>Every SendData the host asked for (node, command class payload), in order.</summary>
    public IReadOnlyList<(byte NodeId, byte[] Payload)> SendDataLog => [.. _sendData];

    public int FramesReceived { get; private set; }
    public int Retransmissions { get; private set; }
    public int NaksSent { get; private set; }
    public int AcksFromHost { get; private set; }
    public int NaksFromHost { get; private set; }
    public int InitDataRequests { get; private set; }

    /// <summary>How many SendDataAbort the host sent (after a callback it waited for in vain).</summary>
    public int SendDataAborts => Volatile.Read(ref _sendDataAborts);

    public void AddNode(SimulatedZWaveNode node)
    {
        node.Reporter = (n, payload) => Enqueue(SerialFrame.Request(FunctionId.ApplicationCommandHandler, new ApplicationCommand(0x00, n.NodeId, payload).Encode()));
        _nodes[node.NodeId] = node;
    }

    public void DropNextAcks(int count) => Interlocked.Exchange(ref _dropAcks, count);

    public void CanNextFrames(int count) => Interlocked.Exchange(ref _cans, count);

    /// <summary>The next <paramref name="count"/> SendData (to <paramref name="nodeId"/> only, unless 0) get no callback, as if the transmission hung.</summary>
    public void DropNextCallbacks(int count, byte nodeId = 0)
    {
        _dropCallbacksFor = nodeId;
        Interlocked.Exchange(ref _dropCallbacks, count);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _reading = Task.Run(() => ReadAsync(_stop.Token), cancellationToken);
        _writing = Task.Run(() => WriteQueuedAsync(_stop.Token), cancellationToken);
        return transport.OpenAsync(cancellationToken);
    }

    /// <summary>Writes raw bytes on the line (garbage, a broken frame).</summary>
    public async Task EmitBytesAsync(byte[] bytes)
    {
        await _writeGate.WaitAsync();
        try
        {
            await transport.WriteAsync(bytes, TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Enqueue(SerialFrame frame) => _outgoing.Writer.TryWrite(frame);

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var reader = new SerialFrameReader();
        var buffer = new byte[256];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await transport.ReadAsync(buffer, cancellationToken);
                if (read == 0) return;
                for (var i = 0; i < read; i++)
                {
                    var outcome = reader.Feed(buffer[i]);
                    if (Silent) continue;
                    switch (outcome)
                    {
                        case ReadEvent.Ack:
                            AcksFromHost++;
                            _hostAck?.TrySetResult(true);
                            break;
                        case ReadEvent.Nak or ReadEvent.Can:
                            NaksFromHost++;
                            _hostAck?.TrySetResult(false);
                            break;
                        case ReadEvent.BadFrame:
                            NaksSent++;
                            await EmitBytesAsync([FrameBytes.Nak]);
                            break;
                        case ReadEvent.Frame:
                            await OnFrameAsync(reader.Frame!);
                            break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or TransportException or ObjectDisposedException)
        {
        }
    }

    private async Task OnFrameAsync(SerialFrame frame)
    {
        FramesReceived++;
        var bytes = SerialFrameCodec.Encode(frame);
        if (_lastFrame is not null && bytes.AsSpan().SequenceEqual(_lastFrame)) Retransmissions++;
        _lastFrame = bytes;
        if (Interlocked.Decrement(ref _dropAcks) >= 0) return;
        if (Interlocked.Decrement(ref _cans) >= 0)
        {
            await EmitBytesAsync([FrameBytes.Can]);
            return;
        }
        await EmitBytesAsync([FrameBytes.Ack]);
        if (frame.Type == FrameType.Request && SilencedAfterAck(frame.FunctionId)) return;
        if (frame.Type == FrameType.Request && !AnswerNetworkManagement(frame)) Answer(frame);
    }

    private void Answer(SerialFrame request)
    {
        var p = request.Payload;
        switch (request.FunctionId)
        {
            case FunctionId.GetSerialApiCapabilities:
                Enqueue(SerialFrame.Response(request.FunctionId, new SerialApiCapabilities(7, 18, 0x0086, 0x0001, 0x005A, SerialApiCapabilities.BitmaskOf(
                    [FunctionId.GetSerialApiInitData, FunctionId.ApplicationCommandHandler, FunctionId.GetControllerCapabilities, FunctionId.GetSerialApiCapabilities,
                        FunctionId.SoftReset, FunctionId.SendData, FunctionId.GetVersion, FunctionId.MemoryGetId, FunctionId.GetNodeProtocolInfo, FunctionId.RequestNodeInfo,
                        FunctionId.SetDefault, FunctionId.AddNodeToNetwork, FunctionId.RemoveNodeFromNetwork, FunctionId.RemoveFailedNode, FunctionId.IsFailedNode,
                        FunctionId.ReplaceFailedNode, FunctionId.SendDataAbort])).Encode()));
                break;
            case FunctionId.GetVersion:
                Enqueue(SerialFrame.Response(request.FunctionId, new LibraryVersion("Z-Wave 7.18", LibraryVersion.StaticController).Encode()));
                break;
            case FunctionId.GetControllerCapabilities:
                Enqueue(SerialFrame.Response(request.FunctionId, 0x1C));
                break;
            case FunctionId.MemoryGetId:
                Enqueue(SerialFrame.Response(request.FunctionId, new MemoryId(HomeId, ownNodeId).Encode()));
                break;
            case FunctionId.GetSerialApiInitData:
                InitDataRequests++;
                Enqueue(SerialFrame.Response(request.FunctionId, new InitData(0x09, 0x08, [ownNodeId, .. _nodes.Keys.Order()]).Encode()));
                break;
            case FunctionId.GetNodeProtocolInfo when p.Length >= 1:
                Enqueue(SerialFrame.Response(request.FunctionId, _nodes.TryGetValue(p[0], out var info)
                    ? new NodeProtocolInfo(info.Listening ? (byte)0xD3 : (byte)0x53, 0x9C, info.Basic, info.Generic, info.Specific).Encode()
                    : p[0] == ownNodeId ? new NodeProtocolInfo(0xD3, 0x16, 0x02, 0x02, 0x07).Encode() : [0, 0, 0, 0, 0, 0]));
                break;
            case FunctionId.RequestNodeInfo when p.Length >= 1:
                Enqueue(SerialFrame.Response(request.FunctionId, 0x01));
                if (_nodes.TryGetValue(p[0], out var asked) && asked.Hears)
                {
                    asked.NoteNodeInfoRequest();
                    Enqueue(SerialFrame.Request(FunctionId.ApplicationUpdate,
                        new NodeInformation(NodeInformation.NodeInfoReceived, asked.NodeId, asked.Basic, asked.Generic, asked.Specific, asked.CommandClasses).Encode()));
                }
                else
                {
                    Enqueue(SerialFrame.Request(FunctionId.ApplicationUpdate, NodeInformation.NodeInfoRequestFailed, 0x00, 0x00));
                }
                break;
            case FunctionId.SendData when SendData.ParseRequest(p) is { } send:
                _sendData.Enqueue((send.NodeId, send.Payload));
                Enqueue(SerialFrame.Response(request.FunctionId, 0x01));
                var target = _nodes.GetValueOrDefault(send.NodeId);
                var delivered = target is { Hears: true };
                var hangs = send.CallbackId != 0 && (_dropCallbacksFor == 0 || _dropCallbacksFor == send.NodeId) && Interlocked.Decrement(ref _dropCallbacks) >= 0;
                if (hangs)
                    _stuckCallbackId = send.CallbackId;
                else if (send.CallbackId != 0)
                    Enqueue(SerialFrame.Request(FunctionId.SendData, send.CallbackId, delivered ? SendData.TransmitOk : SendData.TransmitNoAck, 0x00, 0x02));
                if (delivered)
                    foreach (var report in target!.Receive(send.Payload))
                        Enqueue(SerialFrame.Request(FunctionId.ApplicationCommandHandler, new ApplicationCommand(0x00, target.NodeId, report).Encode()));
                break;
            case FunctionId.SendDataAbort:
                // No response; the transmission that hung is called back as failed.
                Interlocked.Increment(ref _sendDataAborts);
                if (Interlocked.Exchange(ref _stuckCallbackId, 0) is var stuck and not 0)
                    Enqueue(SerialFrame.Request(FunctionId.SendData, (byte)stuck, SendData.TransmitFail, 0x00, 0x02));
                break;
        }
    }

    /// <summary>Sends queued frames one at a time; each waits for the host's ACK and is retransmitted (3 attempts in all).</summary>
    private async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                var bytes = SerialFrameCodec.Encode(frame);
                for (var attempt = 1; attempt <= 3; attempt++)
                {
                    var ack = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _hostAck = ack;
                    await EmitBytesAsync(bytes);
                    try
                    {
                        if (await ack.Task.WaitAsync(AckTimeout, cancellationToken)) break;
                    }
                    catch (TimeoutException)
                    {
                    }
                    await Task.Delay(SerialApiTimeouts.RetransmissionDelay(attempt), cancellationToken);
                }
                _hostAck = null;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or TransportException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _outgoing.Writer.TryComplete();
        await transport.DisposeAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
