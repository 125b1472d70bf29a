using Gateway.Core.Radio;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Controller management: inclusion and exclusion modes (AddNodeToNetwork / RemoveNodeFromNetwork and their status
/// callbacks), failed nodes (IsFailedNode, RemoveFailedNode, ReplaceFailedNode) and the factory reset (SetDefault).
/// One mode runs at a time; it ends when a node was included or excluded, when its time is up, or on stop. An
/// included node is interviewed and becomes a device; an excluded one leaves with its devices.
/// </summary>
public sealed partial class ZWaveRadio : IRadioControllerManagement
{
    private enum ModeKind
    {
        Inclusion,
        Exclusion,
        Replacement,
    }

    /// <summary>One inclusion, exclusion or replacement, from the request to its end.</summary>
    private sealed class ControllerMode(ModeKind kind, byte callbackId, byte nodeId = 0)
    {
        public ModeKind Kind { get; } = kind;
        public byte CallbackId { get; } = callbackId;
        public byte StopCallbackId { get; set; }
        public byte NodeId { get; set; } = nodeId;
        public TaskCompletionSource<byte> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<NetworkManagementStatus> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ITimer? Timer { get; set; }

        /// <summary>Set once a node is being added or removed: stop and timeout no longer interrupt it.</summary>
        public bool Finishing { get; set; }
    }

    /// <summary>The notice of an exclusion that reset a device of another network (ZWaveExclusionInOtherNetworkEvent).</summary>
    public const string ExclusionInOtherNetwork = "ExclusionInOtherNetwork";

    /// <summary>Default inclusion / exclusion window (30 s, as a box).</summary>
    public static readonly TimeSpan DefaultModeTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _modeChange = new(1, 1);
    private volatile ControllerMode? _mode;
    private volatile TaskCompletionSource<bool>? _serialApiStarted;
    private long _inclusions, _exclusions, _failedNodesRemoved, _resets;

    /// <summary>True while the controller is in inclusion mode (or waits for a failed node's replacement).</summary>
    public bool InclusionOpen => _mode is { Kind: ModeKind.Inclusion or ModeKind.Replacement };

    /// <summary>True while the controller is in exclusion mode.</summary>
    public bool ExclusionOpen => _mode is { Kind: ModeKind.Exclusion };

    public int ControllerCapability => _controller switch
    {
        null => 0,
        { Role.IsSecondary: true } => 3,
        var c when c.InitData.NodeIds.All(id => id == c.OwnNodeId) => 1,
        _ => 2,
    };

    public Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken) =>
        StartInclusionAsync(request.Duration > TimeSpan.Zero ? request.Duration : DefaultModeTimeout, true, false, cancellationToken);

    public Task StopPairingAsync(CancellationToken cancellationToken) =>
        InclusionOpen ? StopModeAsync(cancellationToken) : Task.CompletedTask;

    public Task StartInclusionAsync(TimeSpan timeout, bool highPower, bool networkWide, CancellationToken cancellationToken) =>
        StartModeAsync(ModeKind.Inclusion, timeout, Flags(highPower, networkWide), cancellationToken);

    public Task StartExclusionAsync(TimeSpan timeout, bool highPower, bool networkWide, CancellationToken cancellationToken) =>
        StartModeAsync(ModeKind.Exclusion, timeout, Flags(highPower, networkWide), cancellationToken);

    private static byte Flags(bool highPower, bool networkWide) =>
        (byte)((highPower ? AddNodeToNetwork.FlagHighPower : 0) | (networkWide ? AddNodeToNetwork.FlagNetworkWide : 0));

    private async Task StartModeAsync(ModeKind kind, TimeSpan timeout, byte flags, CancellationToken cancellationToken)
    {
        await _modeChange.WaitAsync(cancellationToken);
        try
        {
            if (_mode is { } running)
            {
                if (running.Kind != kind) throw new InvalidOperationException($"the Z-Wave controller is busy with {Describe(running.Kind)}");
                if (!running.Finishing) running.Timer?.Change(timeout, Timeout.InfiniteTimeSpan);
                return;
            }
            var session = ReadySession();
            var mode = new ControllerMode(kind, session.NextCallbackId());
            _mode = mode;
            var function = kind == ModeKind.Inclusion ? FunctionId.AddNodeToNetwork : FunctionId.RemoveNodeFromNetwork;
            try
            {
                await SendWithoutAnswerAsync(session, function,
                    kind == ModeKind.Inclusion ? AddNodeToNetwork.Start(flags, mode.CallbackId) : RemoveNodeFromNetwork.Start(flags, mode.CallbackId), cancellationToken);
                var status = await mode.Started.Task.WaitAsync(Timeouts.Response, _time, cancellationToken);
                if (status != AddNodeToNetwork.StatusReady)
                    throw new InvalidOperationException(status == AddNodeToNetwork.StatusNotPrimary
                        ? $"the Z-Wave controller is not the primary controller: it cannot start {Describe(kind)}"
                        : $"the Z-Wave controller refused {Describe(kind)} (status {status})");
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                _mode = null;
                await TryStopControllerModeAsync(session, kind);
                _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.SetMode, false));
                if (ex is InvalidOperationException) throw;
                throw new InvalidOperationException($"the Z-Wave controller did not start {Describe(kind)}", ex);
            }
            mode.Timer = _time.CreateTimer(_ => _ = EndModeAsync(mode, timedOut: true), null, timeout, Timeout.InfiniteTimeSpan);
            _logger.LogInformation("Z-Wave {Mode} open for {Seconds} s", Describe(kind), (int)timeout.TotalSeconds);
            if (kind == ModeKind.Inclusion) _reports.Writer.TryWrite(new PairingModeReported(true, false));
            _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.SetMode, true));
        }
        finally
        {
            _modeChange.Release();
        }
    }

    public async Task StopModeAsync(CancellationToken cancellationToken)
    {
        if (_mode is not { Finishing: false } mode)
        {
            _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.SetMode, true));
            return;
        }
        await EndModeAsync(mode, timedOut: false);
    }

    /// <summary>Ends a mode the user stopped or whose time is up: the controller leaves it, the events say so.</summary>
    private async Task EndModeAsync(ControllerMode mode, bool timedOut)
    {
        await _modeChange.WaitAsync();
        try
        {
            if (_mode != mode || mode.Finishing) return;
            _mode = null;
            mode.Timer?.Dispose();
            var stopped = _ready is not { } session || await TryStopControllerModeAsync(session, mode.Kind);
            _logger.LogInformation("Z-Wave {Mode} {How}", Describe(mode.Kind), timedOut ? "timed out" : "stopped");
            if (mode.Kind != ModeKind.Exclusion) _reports.Writer.TryWrite(new PairingModeReported(false, timedOut));
            _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.SetMode, stopped));
        }
        finally
        {
            _modeChange.Release();
        }
    }

    /// <summary>Tells the controller to leave inclusion (also ends a replacement) or exclusion; false when it did not hear.</summary>
    private async Task<bool> TryStopControllerModeAsync(SerialApiSession session, ModeKind kind)
    {
        try
        {
            if (kind == ModeKind.Exclusion) await SendWithoutAnswerAsync(session, FunctionId.RemoveNodeFromNetwork, RemoveNodeFromNetwork.Stop(0), CancellationToken.None);
            else await SendWithoutAnswerAsync(session, FunctionId.AddNodeToNetwork, AddNodeToNetwork.Stop(0), CancellationToken.None);
            return true;
        }
        catch (Exception ex) when (ex is SerialApiTimeoutException or OperationCanceledException or TransportException)
        {
            _logger.LogWarning("Z-Wave controller did not hear the end of {Mode}: {Reason}", Describe(kind), ex.Message);
            return false;
        }
    }

    /// <summary>Status callbacks of the running mode and the controller's restart notice (on the reading loop: nothing here waits).</summary>
    private void OnControllerFrame(SerialFrame frame)
    {
        if (frame.FunctionId == FunctionId.SerialApiStarted)
        {
            _serialApiStarted?.TrySetResult(true);
            return;
        }
        if (_mode is not { } mode) return;
        switch (frame.FunctionId)
        {
            case FunctionId.AddNodeToNetwork when mode.Kind == ModeKind.Inclusion:
            case FunctionId.RemoveNodeFromNetwork when mode.Kind == ModeKind.Exclusion:
                if (NetworkManagementStatus.Parse(frame.Payload) is { } status && (status.CallbackId == mode.CallbackId || status.CallbackId == mode.StopCallbackId))
                    OnModeStatus(mode, status);
                break;
            case FunctionId.ReplaceFailedNode when mode.Kind == ModeKind.Replacement
                                                   && frame.Payload.Length >= 2 && frame.Payload[0] == mode.CallbackId:
                OnReplaceStatus(mode, frame.Payload[1]);
                break;
        }
    }

    private void OnModeStatus(ControllerMode mode, NetworkManagementStatus status)
    {
        // AddNode and RemoveNode number their statuses alike (ready 1, found 2, adding/removing 3-4, done 6, failed 7).
        switch (status.Status)
        {
            case AddNodeToNetwork.StatusReady:
                mode.Started.TrySetResult(status.Status);
                break;
            case AddNodeToNetwork.StatusNodeFound:
                _logger.LogInformation("Z-Wave {Mode}: a node was found", Describe(mode.Kind));
                break;
            case AddNodeToNetwork.StatusAddingSlave or AddNodeToNetwork.StatusAddingController:
                mode.Finishing = true;
                mode.Timer?.Dispose();
                if (status.NodeId != 0) mode.NodeId = status.NodeId;
                break;
            case AddNodeToNetwork.StatusProtocolDone when mode.Kind == ModeKind.Inclusion:
                RunInBackground(() => CompleteInclusionAsync(mode), "inclusion");
                break;
            case AddNodeToNetwork.StatusDone when mode.Kind == ModeKind.Inclusion:
                mode.Done.TrySetResult(status);
                break;
            case RemoveNodeFromNetwork.StatusDone when mode.Kind == ModeKind.Exclusion:
                RunInBackground(() => CompleteExclusionAsync(mode), "exclusion");
                break;
            case AddNodeToNetwork.StatusFailed or AddNodeToNetwork.StatusNotPrimary:
                if (!mode.Started.TrySetResult(status.Status)) RunInBackground(() => FailModeAsync(mode), Describe(mode.Kind));
                break;
        }
    }

    /// <summary>The node took its node id: the controller leaves inclusion mode, the node is interviewed and becomes a device.</summary>
    private async Task CompleteInclusionAsync(ControllerMode mode)
    {
        mode.Finishing = true;
        mode.Timer?.Dispose();
        var session = ReadySession();
        mode.StopCallbackId = session.NextCallbackId();
        await SendWithoutAnswerAsync(session, FunctionId.AddNodeToNetwork, AddNodeToNetwork.Stop(mode.StopCallbackId), CancellationToken.None);
        try
        {
            var done = await mode.Done.Task.WaitAsync(Timeouts.Response, _time);
            if (done.NodeId != 0) mode.NodeId = done.NodeId;
        }
        catch (TimeoutException)
        {
            // Some controllers do not confirm the stop; the node id of the adding status is enough.
        }
        await LeaveModeAsync(mode, succeeded: mode.NodeId != 0);
        if (mode.NodeId == 0) return;
        Interlocked.Increment(ref _inclusions);
        _logger.LogInformation("Z-Wave node {NodeId} included; interviewing it", mode.NodeId);
        await InterviewAsync(session, mode.NodeId, _sessionStop?.Token ?? CancellationToken.None);
    }

    /// <summary>The node left the network: its devices leave the setup. A node of another network is reset all the same (node id 0).</summary>
    private async Task CompleteExclusionAsync(ControllerMode mode)
    {
        mode.Finishing = true;
        mode.Timer?.Dispose();
        if (_ready is { } session) await TryStopControllerModeAsync(session, ModeKind.Exclusion);
        await LeaveModeAsync(mode, succeeded: true);
        if (mode.NodeId == 0 || !_nodes.ContainsKey(mode.NodeId))
        {
            _logger.LogInformation("Z-Wave exclusion reset a device of another network (node {NodeId})", mode.NodeId);
            _reports.Writer.TryWrite(new RadioNoticeReported(ExclusionInOtherNetwork));
            return;
        }
        Interlocked.Increment(ref _exclusions);
        _logger.LogInformation("Z-Wave node {NodeId} excluded", mode.NodeId);
        await RemoveNodeAndDevicesAsync(mode.NodeId);
    }

    private async Task FailModeAsync(ControllerMode mode)
    {
        mode.Timer?.Dispose();
        if (_ready is { } session) await TryStopControllerModeAsync(session, mode.Kind);
        _logger.LogWarning("Z-Wave {Mode} failed", Describe(mode.Kind));
        await LeaveModeAsync(mode, succeeded: false);
    }

    private async Task LeaveModeAsync(ControllerMode mode, bool succeeded)
    {
        await _modeChange.WaitAsync();
        try
        {
            if (_mode != mode) return;
            _mode = null;
            if (mode.Kind != ModeKind.Exclusion) _reports.Writer.TryWrite(new PairingModeReported(false, false));
            if (!succeeded) _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.SetMode, false));
        }
        finally
        {
            _modeChange.Release();
        }
    }

    public async Task<bool> IsFailedNodeAsync(string address, CancellationToken cancellationToken)
    {
        var nodeId = KnownNode(address);
        var failed = FailedNode.IsFailed(await AskAsync(ReadySession(), FunctionId.IsFailedNode, [nodeId], cancellationToken));
        if (failed) MarkUnreachable(nodeId);
        return failed;
    }

    public async Task RemoveFailedNodeAsync(string address, CancellationToken cancellationToken)
    {
        var nodeId = KnownNode(address);
        var session = ReadySession();
        var callbackId = session.NextCallbackId();
        var transaction = new SerialApiTransaction(SerialFrame.Request(FunctionId.RemoveFailedNode, FailedNode.Request(nodeId, callbackId)), true, callbackId)
        {
            Refused = response => response.Payload.Length == 0 || response.Payload[0] != FailedNode.Started,
        };
        var result = await RequestAsync(session, transaction, cancellationToken);
        if (result.Callback is null)
            throw new InvalidOperationException($"node {nodeId} was not removed: {FailedNode.Refusal(result.Response!.Payload.FirstOrDefault(FailedNode.ProcessFailed))}");
        switch (FailedNode.Status(result.Callback.Payload))
        {
            case FailedNode.StatusNodeRemoved:
                Interlocked.Increment(ref _failedNodesRemoved);
                _logger.LogInformation("Z-Wave failed node {NodeId} removed from the network", nodeId);
                await RemoveNodeAndDevicesAsync(nodeId);
                return;
            case FailedNode.StatusNodeOk:
                MarkHeardFrom(nodeId);
                throw new InvalidOperationException($"node {nodeId} answers: it is not failed and stays");
            default:
                throw new InvalidOperationException($"the Z-Wave controller did not remove node {nodeId}");
        }
    }

    public async Task ReplaceFailedNodeAsync(string address, CancellationToken cancellationToken)
    {
        var nodeId = KnownNode(address);
        await _modeChange.WaitAsync(cancellationToken);
        try
        {
            if (_mode is { } running) throw new InvalidOperationException($"the Z-Wave controller is busy with {Describe(running.Kind)}");
            var session = ReadySession();
            var mode = new ControllerMode(ModeKind.Replacement, session.NextCallbackId(), nodeId);
            _mode = mode;
            try
            {
                var response = await AskAsync(session, FunctionId.ReplaceFailedNode, FailedNode.Request(nodeId, mode.CallbackId), cancellationToken);
                if (response.Length == 0 || response[0] != FailedNode.Started) throw new InvalidOperationException(FailedNode.Refusal(response.FirstOrDefault(FailedNode.ProcessFailed)));
                var status = await mode.Started.Task.WaitAsync(Timeouts.Callback, _time, cancellationToken);
                if (status != FailedNode.StatusReplaceReady)
                    throw new InvalidOperationException(status == FailedNode.StatusNodeOk ? $"node {nodeId} answers: it is not failed" : $"the Z-Wave controller cannot replace node {nodeId}");
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                _mode = null;
                _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.SetMode, false));
                if (ex is InvalidOperationException) throw;
                throw new InvalidOperationException($"the Z-Wave controller did not start replacing node {nodeId}", ex);
            }
            mode.Timer = _time.CreateTimer(_ => _ = EndModeAsync(mode, timedOut: true), null, DefaultModeTimeout * 2, Timeout.InfiniteTimeSpan);
            _logger.LogInformation("Z-Wave failed node {NodeId} is replaced by the next device included", nodeId);
            _reports.Writer.TryWrite(new PairingModeReported(true, false));
            _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.SetMode, true));
        }
        finally
        {
            _modeChange.Release();
        }
    }

    private void OnReplaceStatus(ControllerMode mode, byte status)
    {
        switch (status)
        {
            case FailedNode.StatusReplaceReady:
                mode.Started.TrySetResult(status);
                break;
            case FailedNode.StatusReplaceDone:
                mode.Finishing = true;
                RunInBackground(() => CompleteReplacementAsync(mode), "replacement");
                break;
            default:
                if (!mode.Started.TrySetResult(status)) RunInBackground(() => FailModeAsync(mode), "replacement");
                break;
        }
    }

    /// <summary>The new device took the failed node's id: the old devices leave, the new one is interviewed and created.</summary>
    private async Task CompleteReplacementAsync(ControllerMode mode)
    {
        mode.Timer?.Dispose();
        await LeaveModeAsync(mode, succeeded: true);
        await RemoveNodeAndDevicesAsync(mode.NodeId);
        _logger.LogInformation("Z-Wave failed node {NodeId} replaced; interviewing the new device", mode.NodeId);
        await InterviewAsync(ReadySession(), mode.NodeId, _sessionStop?.Token ?? CancellationToken.None);
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _modeChange.WaitAsync(cancellationToken);
        try
        {
            if (_mode is { } running) throw new InvalidOperationException($"the Z-Wave controller is busy with {Describe(running.Kind)}");
            var session = ReadySession();
            try
            {
                var callbackId = session.NextCallbackId();
                await RequestAsync(session, new SerialApiTransaction(SerialFrame.Request(FunctionId.SetDefault, SetDefault.Request(callbackId)), false, callbackId)
                {
                    CallbackTimeout = Timeouts.Response,
                }, cancellationToken);
                foreach (var nodeId in _nodes.Keys.ToList()) await RemoveNodeAndDevicesAsync(nodeId);
                _awaitingWakeUp.Clear();
                var controller = await ReadControllerAsync(session, cancellationToken);
                _controller = controller;
                await _settings.SetAsync(Protocol, HomeIdKey, controller.HomeId.ToString("X8", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            }
            catch (Exception ex) when (ex is SerialApiTimeoutException or InvalidDataException)
            {
                _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.Reset, false));
                throw new InvalidOperationException($"the Z-Wave controller was not reset: {ex.Message}", ex);
            }
            Interlocked.Increment(ref _resets);
            _logger.LogWarning("Z-Wave controller reset to factory defaults: new network {HomeId:X8}", _controller.HomeId);
            _reports.Writer.TryWrite(new NetworkOperationReported(IRadioControllerManagement.Reset, true));
        }
        finally
        {
            _modeChange.Release();
        }
    }

    /// <summary>The node leaves the network's records and its devices leave the setup.</summary>
    private async Task RemoveNodeAndDevicesAsync(byte nodeId)
    {
        var addresses = _devices.Where(d => d.Value.Address.NodeId == nodeId).Select(d => d.Key).ToList();
        _unreachable.TryRemove(nodeId, out _);
        _associations.TryRemove(nodeId, out _);
        _awaitingWakeUp.TryRemove(nodeId, out _);
        await ForgetNodeAsync(nodeId, CancellationToken.None);
        foreach (var address in addresses) _reports.Writer.TryWrite(new DeviceRemovedReported(address));
    }

    /// <summary>The node id of an address (<c>5</c>, <c>5#1</c> or a whole deviceURL) of a node the gateway knows.</summary>
    private byte KnownNode(string address)
    {
        if (ZWaveDeviceAddress.TryParse(address) is not { } parsed || !_nodes.ContainsKey(parsed.NodeId))
            throw new ArgumentException($"no Z-Wave node {address}", nameof(address));
        return parsed.NodeId;
    }

    private SerialApiSession ReadySession() => _ready ?? throw new InvalidOperationException("the Z-Wave controller is not ready");

    private async Task SendWithoutAnswerAsync(SerialApiSession session, byte functionId, byte[] payload, CancellationToken cancellationToken) =>
        await RequestAsync(session, new SerialApiTransaction(SerialFrame.Request(functionId, payload), false), cancellationToken);

    private async Task<SerialApiResult> RequestAsync(SerialApiSession session, SerialApiTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            return await session.RequestAsync(transaction, cancellationToken);
        }
        catch (SerialApiTimeoutException)
        {
            RestartIfUnresponsive(session);
            throw;
        }
    }

    private void RunInBackground(Func<Task> work, string what) =>
        _ = Task.Run(work).ContinueWith(t => _logger.LogWarning("Z-Wave {What} did not complete: {Reason}", what, t.Exception?.InnerException?.Message),
            TaskContinuationOptions.OnlyOnFaulted);

    private static string Describe(ModeKind kind) => kind switch
    {
        ModeKind.Inclusion => "inclusion",
        ModeKind.Exclusion => "exclusion",
        _ => "a failed node's replacement",
    };
}
