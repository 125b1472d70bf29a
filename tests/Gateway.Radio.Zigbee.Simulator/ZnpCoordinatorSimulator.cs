using System.Buffers.Binary;
using System.Collections.Concurrent;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Serial;

namespace Gateway.Radio.Zigbee.Simulator;

/// <summary>
/// The device side of a CC2652 coordinator running Z-Stack 3.x.0 ZNP firmware: answers the start-up SREQs over the
/// real MT wire format, resets with SYS_RESET_IND, forms or resumes its network through BDB commissioning (or
/// ZDO_STARTUP_FROM_APP when it plays a Z-Stack 1.2 stick) and reports the coordinator state, opens for joining, lets devices announce themselves, and misbehaves on demand (garbage,
/// lost or late SRSPs, a wedged coordinator that stops answering).
/// </summary>
public sealed class ZnpCoordinatorSimulator(IByteTransport link, ulong ieeeAddress = ZnpCoordinatorSimulator.DefaultIeeeAddress, bool formed = false,
    ZnpCoordinatorMemory? memory = null) : IAsyncDisposable
{
    public const ulong DefaultIeeeAddress = 0x00124B0018ED3A6B;

    /// <summary>SYS, AF, ZDO, SAPI, UTIL and APP: the MT_CAP bits of a coordinator build.</summary>
    public const ushort Capabilities = 0x0179;

    /// <summary>AF_REGISTER of an endpoint that already exists (ZApsDuplicateEntry).</summary>
    public const byte DuplicateEndpointStatus = 0xB8;

    private const byte ClearStateOption = 0x02;

    private static readonly TimeSpan StateStep = TimeSpan.FromMilliseconds(30);

    private readonly MtFrameReader _reader = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ZnpCoordinatorMemory _memory = memory ?? (formed ? ZnpCoordinatorMemory.WithNetwork(ieeeAddress) : new ZnpCoordinatorMemory());
    private readonly ConcurrentDictionary<byte, ushort> _endpoints = new();
    private Task _loop = Task.CompletedTask;
    private int _dropResponses;
    private long _permitJoinUntilTicks;

    public ConcurrentQueue<MtFrame> Received { get; } = new();

    public VersionResponse Version { get; set; } = new(2, ZStackProduct.ZStack3x0, 2, 7, 1, 20230507);

    public ulong IeeeAddress => ieeeAddress;

    public ZdoState State { get; private set; } = ZdoState.Hold;

    /// <summary>True once a network exists (formed by an earlier start-up, or given as formed).</summary>
    public bool Formed => _memory.Network is not null;

    /// <summary>NV items and network: what survives a reset or a new connection.</summary>
    public ZnpCoordinatorMemory Memory => _memory;

    /// <summary>Wedged: reads everything and answers nothing, not even a reset.</summary>
    public bool Silent { get; set; }

    /// <summary>How long each answer waits before going out.</summary>
    public TimeSpan ResponseDelay { get; set; }

    public int Resets { get; private set; }

    public IReadOnlyCollection<byte> RegisteredEndpoints => [.. _endpoints.Keys];

    public bool PermittingJoins => DateTime.UtcNow.Ticks < Interlocked.Read(ref _permitJoinUntilTicks);

    /// <summary>The next <paramref name="count"/> SRSPs are lost on the line.</summary>
    public void DropNextResponses(int count) => Interlocked.Exchange(ref _dropResponses, count);

    public byte[]? NvItem(ushort id) => _memory.Nv.TryGetValue(id, out var value) ? value : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await link.OpenAsync(cancellationToken);
        _loop = Task.Run(() => ReadLoopAsync(_stopping.Token));
    }

    /// <summary>Power-up as a freshly plugged dongle does it: the reset indication nobody asked for.</summary>
    public Task PowerUpAsync() => EmitAsync(new ResetIndication(ResetReason.PowerUp, Version.TransportRevision, (byte)Version.Product, Version.MajorRelease, Version.MinorRelease, 0).ToFrame());

    public Task EmitAsync(MtFrame frame) => WriteAsync(frame.Encode());

    /// <summary>Raw bytes on the line, in chunks of <paramref name="chunk"/> (0 = at once): garbage, partial frames.</summary>
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

    /// <summary>A device joins through the open network and announces itself; false when the network is closed.</summary>
    public Task<bool> JoinAsync(ulong deviceIeee, ushort networkAddress, byte capabilities = 0x80) =>
        JoinAsync(new SimulatedNode(deviceIeee, networkAddress, []) { MacCapabilities = capabilities, LogicalType = ZigbeeLogicalType.EndDevice });

    /// <summary>
    /// A device joins as Z-Stack reports it: the trust centre indication (ZDO_TC_DEV_IND), then the device's own
    /// announcement. It then answers the interview. False when the network is closed.
    /// </summary>
    public async Task<bool> JoinAsync(SimulatedNode node)
    {
        if (!PermittingJoins || State != ZdoState.Coordinator) return false;
        _memory.Nodes[node.NetworkAddress] = node;
        await EmitAsync(new TrustCenterDeviceIndication(node.NetworkAddress, node.Ieee, 0x0000).ToFrame());
        await EmitAsync(new EndDeviceAnnouncement(node.NetworkAddress, node.NetworkAddress, node.Ieee, node.MacCapabilities).ToFrame());
        return true;
    }

    /// <summary>A device that joined before (a daemon restart, a new connection) is still in the network, without joining again.</summary>
    public void Adopt(SimulatedNode node) => _memory.Nodes[node.NetworkAddress] = node;

    public IReadOnlyCollection<SimulatedNode> Nodes => [.. _memory.Nodes.Values];

    /// <summary>The device sends an application frame to the gateway's endpoint (a report, a command).</summary>
    public Task SendFromAsync(SimulatedNode node, byte endpoint, ushort clusterId, byte[] payload, byte linkQuality = 200) =>
        EmitAsync(new IncomingMessage(0, clusterId, node.NetworkAddress, endpoint, ZnpStartup.GatewayEndpoint, false, linkQuality, false, 0, 0, payload).ToFrame());

    public async Task<MtFrame> WaitForReceivedAsync(Func<MtFrame, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(10);
        }
        throw new TimeoutException("the host never sent the expected frame");
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
            while (_reader.TryRead(out var frame))
            {
                Received.Enqueue(frame);
                if (!Silent) await AnswerAsync(frame);
            }
        }
    }

    private async Task AnswerAsync(MtFrame request)
    {
        if (request.Type == MtType.Areq)
        {
            if (request.Is(MtType.Areq, MtSubsystem.Sys, SysCommands.ResetReqId)) _ = ResetAsync();
            return;
        }
        if (request.Type != MtType.Sreq) return;
        var (response, then) = Answer(request);
        if (ResponseDelay > TimeSpan.Zero) await Task.Delay(ResponseDelay);
        if (Interlocked.Decrement(ref _dropResponses) >= 0) return;
        Interlocked.Exchange(ref _dropResponses, 0);
        await EmitAsync(response);
        if (then is not null) _ = then();
    }

    /// <summary>The SRSP of a request, and what the coordinator does after answering.</summary>
    private (MtFrame Response, Func<Task>? Then) Answer(MtFrame request)
    {
        switch (request.Subsystem, request.Command)
        {
            case (MtSubsystem.Sys, SysCommands.PingId):
                return (SysCommands.PingResponse(Capabilities), null);
            case (MtSubsystem.Sys, SysCommands.VersionId):
                return (Version.ToFrame(), null);
            case (MtSubsystem.Sys, SysCommands.OsalNvReadId) when request.Data.Length >= 3:
                return (NvRead(BinaryPrimitives.ReadUInt16LittleEndian(request.Data), request.Data[2]).ToFrame(), null);
            case (MtSubsystem.Sys, SysCommands.OsalNvWriteId) when request.Data.Length >= 4 && request.Data.Length >= 4 + request.Data[3]:
                return (SysCommands.StatusResponse(MtSubsystem.Sys, SysCommands.OsalNvWriteId, NvWrite(request.Data)), null);
            case (MtSubsystem.Util, UtilCommands.GetDeviceInfoId):
                return (new DeviceInfo(MtStatus.Success, ieeeAddress, 0x0000, 0x07, State, []).ToFrame(), null);
            case (MtSubsystem.Af, AfCommands.RegisterId) when request.Data.Length >= 9:
                var added = _endpoints.TryAdd(request.Data[0], BinaryPrimitives.ReadUInt16LittleEndian(request.Data.AsSpan(1)));
                return (SysCommands.StatusResponse(MtSubsystem.Af, AfCommands.RegisterId, added ? MtStatus.Success : DuplicateEndpointStatus), null);
            case (MtSubsystem.Zdo, ZdoCommands.StartupFromAppId):
                return (ZdoCommands.StartupResponse(Formed ? StartupResult.RestoredNetworkState : StartupResult.NewNetworkState), StartNetworkAsync);
            case (MtSubsystem.Zdo, ZdoCommands.NodeDescReqId or ZdoCommands.ActiveEpReqId or ZdoCommands.SimpleDescReqId) when request.Data.Length >= 4:
                return (SysCommands.StatusResponse(MtSubsystem.Zdo, request.Command, MtStatus.Success), () => AnswerInterviewAsync(request));
            case (MtSubsystem.Zdo, ZdoCommands.BindReqId) when request.Data.Length >= 2:
                var bound = BinaryPrimitives.ReadUInt16LittleEndian(request.Data);
                return (SysCommands.StatusResponse(MtSubsystem.Zdo, ZdoCommands.BindReqId, MtStatus.Success), () => _memory.Nodes.TryGetValue(bound, out var target) && !target.Unreachable
                    ? EmitAsync(new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.BindRspId, [(byte)bound, (byte)(bound >> 8), MtStatus.Success]))
                    : Task.CompletedTask);
            case (MtSubsystem.Zdo, ZdoCommands.MgmtLeaveReqId) when request.Data.Length >= 11:
                return (SysCommands.StatusResponse(MtSubsystem.Zdo, ZdoCommands.MgmtLeaveReqId, MtStatus.Success), () => LeaveAsync(BinaryPrimitives.ReadUInt16LittleEndian(request.Data)));
            case (MtSubsystem.Af, AfCommands.DataRequestId) when request.Data.Length >= 10 && request.Data.Length >= 10 + request.Data[9]:
                return (SysCommands.StatusResponse(MtSubsystem.Af, AfCommands.DataRequestId, MtStatus.Success), () => DeliverAsync(request.Data));
            case (MtSubsystem.Zdo, ZdoCommands.ExtNwkInfoId):
                var network = _memory.Network;
                return (new ExtendedNetworkInfo(0x0000, State, network?.PanId ?? 0xFFFE, 0x0000, network?.ExtendedPanId ?? 0, 0, network?.Channel ?? 0).ToFrame(), null);
            case (MtSubsystem.AppConfig, AppConfigCommands.BdbSetChannelId) when request.Data.Length >= 5:
                if (request.Data[0] == 1) _memory.PrimaryChannelMask = BinaryPrimitives.ReadUInt32LittleEndian(request.Data.AsSpan(1));
                return (SysCommands.StatusResponse(MtSubsystem.AppConfig, AppConfigCommands.BdbSetChannelId, MtStatus.Success), null);
            case (MtSubsystem.AppConfig, AppConfigCommands.BdbStartCommissioningId) when request.Data.Length >= 1 && Version.Product != ZStackProduct.ZStack12:
                var mode = (BdbCommissioningMode)request.Data[0];
                return (SysCommands.StatusResponse(MtSubsystem.AppConfig, AppConfigCommands.BdbStartCommissioningId, MtStatus.Success),
                    mode.HasFlag(BdbCommissioningMode.NetworkFormation) ? CommissionAsync : null);
            case (MtSubsystem.Zdo, ZdoCommands.MgmtPermitJoinReqId) when request.Data.Length >= 5:
                var seconds = request.Data[3];
                Interlocked.Exchange(ref _permitJoinUntilTicks, DateTime.UtcNow.AddSeconds(seconds).Ticks);
                return (SysCommands.StatusResponse(MtSubsystem.Zdo, ZdoCommands.MgmtPermitJoinReqId, MtStatus.Success),
                    () => EmitAsync(new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.MgmtPermitJoinRspId, [0x00, 0x00, MtStatus.Success])));
            default:
                // RPC error: invalid command id (2), followed by the rejected CMD0 and CMD1.
                return (new MtFrame(MtType.Srsp, MtSubsystem.RpcError, 0x00, [0x02, request.Cmd0, request.Command]), null);
        }
    }

    private async Task AnswerInterviewAsync(MtFrame request)
    {
        var address = BinaryPrimitives.ReadUInt16LittleEndian(request.Data);
        if (!_memory.Nodes.TryGetValue(address, out var node) || !node.AnswersInterviewRequest()) return;
        if (node.AnswerDelay > TimeSpan.Zero) await Task.Delay(node.AnswerDelay);
        MtFrame answer = request.Command switch
        {
            ZdoCommands.NodeDescReqId => new NodeDescriptorResponse(address, MtStatus.Success, address, node.LogicalType, node.MacCapabilities, node.ManufacturerCode).ToFrame(),
            ZdoCommands.ActiveEpReqId => new ActiveEndpointsResponse(address, MtStatus.Success, address, [.. node.Endpoints.Select(e => e.Endpoint)]).ToFrame(),
            _ => node.Endpoints.FirstOrDefault(e => request.Data.Length >= 5 && e.Endpoint == request.Data[4]) is { } descriptor
                ? new SimpleDescriptorResponse(address, MtStatus.Success, address, descriptor).ToFrame()
                : new SimpleDescriptorResponse(address, 0x82, address, null).ToFrame(), // ZDO_INVALID_EP
        };
        await EmitAsync(answer);
    }

    private async Task LeaveAsync(ushort address)
    {
        if (!_memory.Nodes.TryRemove(address, out var node) || node.Unreachable) return;
        await EmitAsync(new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.MgmtLeaveRspId, [(byte)address, (byte)(address >> 8), MtStatus.Success]));
        await EmitAsync(new LeaveIndication(address, node.Ieee, false, false, false).ToFrame());
    }

    /// <summary>AF_DATA_REQUEST: confirmed (0 delivered, 0xE9 MAC no ack when out of reach), then the device's answers come in.</summary>
    private async Task DeliverAsync(byte[] data)
    {
        var address = BinaryPrimitives.ReadUInt16LittleEndian(data);
        var endpoint = data[2];
        var cluster = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(4));
        var transaction = data[6];
        var payload = data.AsSpan(10, data[9]).ToArray();
        if (!_memory.Nodes.TryGetValue(address, out var node) || node.Unreachable)
        {
            await EmitAsync(new DataConfirm(0xE9, endpoint, transaction).ToFrame());
            return;
        }
        if (node.AnswerDelay > TimeSpan.Zero) await Task.Delay(node.AnswerDelay);
        node.ApplicationFrames.Enqueue((endpoint, cluster, payload));
        _memory.FrameCounter++;
        await EmitAsync(new DataConfirm(MtStatus.Success, endpoint, transaction).ToFrame());
        foreach (var (replyCluster, reply) in node.ApplicationHandler?.Invoke(endpoint, cluster, payload) ?? []) await SendFromAsync(node, endpoint, replyCluster, reply);
    }

    private NvReadResponse NvRead(ushort id, byte offset) =>
        _memory.Nv.TryGetValue(id, out var value) && offset <= value.Length
            ? new NvReadResponse(MtStatus.Success, value[offset..])
            : new NvReadResponse(MtStatus.NvItemUninitialised, []);

    private byte NvWrite(byte[] data)
    {
        var id = BinaryPrimitives.ReadUInt16LittleEndian(data);
        var offset = data[2];
        var value = data.AsSpan(4, data[3]);
        var existing = _memory.Nv.GetValueOrDefault(id, []);
        var updated = new byte[Math.Max(existing.Length, offset + value.Length)];
        existing.CopyTo(updated, 0);
        value.CopyTo(updated.AsSpan(offset));
        _memory.Nv[id] = updated;
        return MtStatus.Success;
    }

    /// <summary>
    /// BDB formation as Z-Stack 3.x.0 runs it: a coordinator with a network reports NetworkRestored and then a
    /// formation "failure" with nothing remaining; a blank one forms and reports success.
    /// </summary>
    private async Task CommissionAsync()
    {
        if (Formed)
        {
            await EmitAsync(new BdbCommissioningNotification(BdbCommissioningStatus.NetworkRestored, BdbCommissioningMode.None, BdbCommissioningMode.NetworkFormation).ToFrame());
            await StartNetworkAsync();
            await EmitAsync(new BdbCommissioningNotification(BdbCommissioningStatus.FormationFailure, BdbCommissioningMode.NetworkFormation, BdbCommissioningMode.None).ToFrame());
            return;
        }
        await EmitAsync(new BdbCommissioningNotification(BdbCommissioningStatus.InProgress, BdbCommissioningMode.NetworkFormation, BdbCommissioningMode.NetworkFormation).ToFrame());
        await StartNetworkAsync();
        await EmitAsync(new BdbCommissioningNotification(BdbCommissioningStatus.Success, BdbCommissioningMode.NetworkFormation, BdbCommissioningMode.None).ToFrame());
    }

    private async Task StartNetworkAsync()
    {
        if (!Formed) _memory.Form(ieeeAddress);
        await Task.Delay(StateStep);
        State = ZdoState.CoordinatorStarting;
        await EmitAsync(ZdoCommands.StateChange(State));
        await Task.Delay(StateStep);
        State = ZdoState.Coordinator;
        await EmitAsync(ZdoCommands.StateChange(State));
    }

    private async Task ResetAsync()
    {
        Resets++;
        State = ZdoState.Hold;
        if (_memory.Nv.TryGetValue(NvIds.StartupOption, out var option) && option is [var bits, ..] && (bits & ClearStateOption) != 0)
        {
            // ZCD_STARTOPT_CLEAR_STATE acts once, at boot: the network state is gone, the option cleared.
            _memory.Forget();
            _memory.Nv[NvIds.StartupOption] = [(byte)(bits & ~ClearStateOption)];
        }
        _endpoints.Clear();
        Interlocked.Exchange(ref _permitJoinUntilTicks, 0);
        await Task.Delay(StateStep);
        await EmitAsync(new ResetIndication(ResetReason.External, Version.TransportRevision, (byte)Version.Product, Version.MajorRelease, Version.MinorRelease, 0).ToFrame());
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _writeGate.WaitAsync();
        try
        {
            await link.WriteAsync(bytes, TimeSpan.FromSeconds(2), CancellationToken.None);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
