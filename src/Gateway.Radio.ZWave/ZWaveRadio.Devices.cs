using System.Collections.Concurrent;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Encapsulation;
using Gateway.Radio.ZWave.Nodes;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// The device side: nodes become devices (address <c>nodeId</c>), commands become SendData of command class payloads
/// that complete on the node's report, and the controller's application commands become states.
/// </summary>
public sealed partial class ZWaveRadio
{
    private sealed record DeviceEntry(ZWaveDeviceAddress Address, string ControllableName);

    private sealed record ReportWaiter(byte NodeId, byte Endpoint, Func<CommandClassReport, bool> Wanted, TaskCompletionSource<CommandClassReport> Done);

    private readonly ConcurrentDictionary<string, DeviceEntry> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<byte, TaskCompletionSource<NodeInformation>> _nodeInfoWaiters = new();
    private readonly ConcurrentDictionary<long, ReportWaiter> _reportWaiters = new();
    private long _nextWaiter, _reportsReceived, _unknownReports, _commandsSent, _commandFailures, _sendDataAborts;

    private void CreateDevice(ZWaveNode node)
    {
        var devices = node.Refused is null ? ZWaveDeviceMapper.Devices(node) : [];
        if (devices.Count == 0)
        {
            if (node.Refused is null) _logger.LogWarning("Z-Wave node {NodeId} offers no command class the gateway shows", node.NodeId);
            return;
        }
        foreach (var (address, controllableName, label) in devices)
        {
            _devices[address.ToString()] = new DeviceEntry(address, controllableName);
            var attributes = new List<DeviceState> { DeviceState.Of("zwave:NodeId", node.NodeId), DeviceState.Of("zwave:Listening", node.Listening) };
            if (address.Endpoint != 0) attributes.Add(DeviceState.Of("zwave:Endpoint", address.Endpoint));
            if (node.ManufacturerId is not null)
                attributes.Add(DeviceState.Of("zwave:ProductCode", $"{Hex(node.ManufacturerId)}-{Hex(node.ProductType)}-{Hex(node.ProductId)}"));
            if (node.ApplicationVersion is { } version) attributes.Add(DeviceState.Of("zwave:ApplicationVersion", version));
            _reports.Writer.TryWrite(new DeviceDiscovered(address.ToString(), controllableName, label, [ZWaveStateTranslatorAvailable()], attributes));
        }
    }

    private static DeviceState ZWaveStateTranslatorAvailable() => DeviceState.Of(CoreStateNames.Status, "available");

    /// <summary>Reads a node's main state (of each of its devices), thermostat mode, sensors and battery; what answers becomes states.</summary>
    private async Task RefreshNodeAsync(ZWaveNode node, CancellationToken cancellationToken)
    {
        List<(byte Endpoint, byte[] Get)> gets = [];
        foreach (var device in _devices.Values.Where(d => d.Address.NodeId == node.NodeId).OrderBy(d => d.Address.Endpoint))
        {
            if (ZWaveCommandTranslator.RefreshGet(device.ControllableName) is { } main) gets.Add((device.Address.Endpoint, main));
            if (device.ControllableName == ZWaveControllableNames.Thermostat && node.CommandClassesOf(device.Address.Endpoint).Contains(CommandClassId.ThermostatMode))
                gets.Add((device.Address.Endpoint, ThermostatModeCommandClass.Get()));
        }
        if (node.Supports(CommandClassId.SensorMultilevel)) gets.Add((0, SensorMultilevelCommandClass.Get()));
        if (node.Supports(CommandClassId.Battery)) gets.Add((0, BatteryCommandClass.Get()));
        foreach (var (endpoint, get) in gets)
            await TryAskReportAsync(node.NodeId, endpoint, get, r => r.CommandClass == get[0], cancellationToken);
    }

    /// <summary>Sends a command class payload to a node (or one of its endpoints) and waits for the controller's callback.</summary>
    public async Task SendAsync(byte nodeId, byte endpoint, byte[] payload, CancellationToken cancellationToken)
    {
        var session = _ready ?? throw new InvalidOperationException("the Z-Wave controller is not ready");
        var wrapped = _encapsulation.Wrap(new EncapsulatedCommand(nodeId, endpoint, payload));
        var callbackId = session.NextCallbackId();
        var transaction = new SerialApiTransaction(SerialFrame.Request(FunctionId.SendData, SendData.Request(nodeId, wrapped.Payload, callbackId)), true, callbackId)
        {
            Refused = response => !SendData.Queued(response.Payload),
        };
        SerialApiResult result;
        try
        {
            result = await session.RequestAsync(transaction, cancellationToken);
        }
        catch (SerialApiTimeoutException ex) when (ex.MissingCallback)
        {
            // The controller is still trying to reach the node: it is told to stop, so that it takes the next frame.
            await AbortSendDataAsync(session, nodeId, cancellationToken);
            throw new ZWaveDeliveryException($"the controller did not report delivery to node {nodeId} in time; the transmission was aborted");
        }
        catch (SerialApiTimeoutException)
        {
            RestartIfUnresponsive(session);
            throw;
        }
        if (result.Callback is null) throw new ZWaveDeliveryException($"the controller refused to send to node {nodeId}");
        var status = SendData.Status(result.Callback.Payload);
        if (status == SendData.TransmitOk) MarkHeardFrom(nodeId);
        else if (status == SendData.TransmitNoAck) await CheckFailedAsync(session, nodeId, cancellationToken);
        if (status != SendData.TransmitOk)
            throw new ZWaveDeliveryException(status == SendData.TransmitNoAck ? $"node {nodeId} did not acknowledge" : $"sending to node {nodeId} failed (status {status})");
    }

    /// <summary>SendDataAbort (as Z-Wave JS sends after a SendData callback timeout): no response, no callback; a controller that does not even ACK it is restarted.</summary>
    private async Task AbortSendDataAsync(SerialApiSession session, byte nodeId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sendDataAborts);
        _logger.LogWarning("Z-Wave controller did not report delivery to node {NodeId} in time; aborting the transmission", nodeId);
        try
        {
            await session.RequestAsync(new SerialApiTransaction(SerialFrame.Request(FunctionId.SendDataAbort), ExpectsResponse: false), cancellationToken);
        }
        catch (SerialApiTimeoutException)
        {
            RestartIfUnresponsive(session);
            throw;
        }
    }

    /// <summary>Sends a Get and waits for the report it asks for.</summary>
    private async Task<CommandClassReport> AskReportAsync(byte nodeId, byte endpoint, byte[] get, Func<CommandClassReport, bool> wanted, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextWaiter);
        var waiter = new ReportWaiter(nodeId, endpoint, wanted, new TaskCompletionSource<CommandClassReport>(TaskCreationOptions.RunContinuationsAsynchronously));
        _reportWaiters[id] = waiter;
        try
        {
            await SendAsync(nodeId, endpoint, get, cancellationToken);
            return await waiter.Done.Task.WaitAsync(timeout, _time, cancellationToken);
        }
        finally
        {
            _reportWaiters.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Runs a command: a sleeping node's waits in its queue until the node wakes up; the payloads go one after the
    /// other (inside Supervision when the node supports it), then the command is done on the Supervision Report, or
    /// on the report that says the device reached the target.
    /// </summary>
    public async Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        if (ZWaveDeviceAddress.TryParse(command.Address) is not { } parsed || !_devices.TryGetValue(parsed.ToString(), out var device))
            throw new RadioCommandException(FailureType.ActuatorUnknown, $"no Z-Wave device {command.Address}");
        var plan = ZWaveCommandTranslator.Translate(device.ControllableName, command);
        var nodeId = device.Address.NodeId;
        var node = _nodes.GetValueOrDefault(nodeId);
        if (command.Name == ZWaveCommandTranslator.ResetEnergyConsumption && node is not { MeterResettable: true })
            throw new RadioCommandException(FailureType.CommandUnknown, $"Z-Wave node {nodeId} cannot reset its meter");
        Interlocked.Increment(ref _commandsSent);
        try
        {
            if (node is not null && IsAsleep(node))
            {
                progress.InProgress();
                await RunAtWakeUpAsync(node, progress, token => RunPlanAsync(device, node, plan, command.Name, progress, token), cancellationToken);
                return;
            }
            await RunPlanAsync(device, node, plan, command.Name, progress, cancellationToken);
        }
        catch (SerialApiTimeoutException ex)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.NonExecuting, $"the Z-Wave controller did not answer: {ex.Message}");
        }
        catch (ZWaveDeliveryException ex)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"Z-Wave {ex.Message}");
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"Z-Wave node {nodeId} did not report that it did {command.Name}");
        }
        catch (RadioCommandException)
        {
            Interlocked.Increment(ref _commandFailures);
            throw;
        }
        catch (InvalidOperationException ex)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.NonExecuting, ex.Message);
        }
    }

    private async Task RunPlanAsync(DeviceEntry device, ZWaveNode? node, ZWaveCommandPlan plan, string commandName, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        var (nodeId, endpoint) = (device.Address.NodeId, device.Address.Endpoint);
        var supervised = node is not null && node.Supports(CommandClassId.Supervision);
        if (supervised && plan.Send.Count > 0)
        {
            foreach (var payload in plan.Send)
            {
                await SendSupervisedAsync(nodeId, endpoint, payload, commandName, progress, cancellationToken);
            }
            progress.InProgress();
            // Supervision said the device did it; its report brings the states (a node that does not answer keeps them as they were).
            if (plan.Confirm is { } get) await TryAskReportAsync(nodeId, endpoint, get, r => r.CommandClass == get[0], cancellationToken);
            return;
        }
        foreach (var payload in plan.Send)
        {
            await SendAsync(nodeId, endpoint, payload, cancellationToken);
            progress.Transmitted();
        }
        progress.InProgress();
        if (plan.Confirm is null) return;
        var deadline = _time.GetUtcNow() + TimeSpan.FromSeconds(_options.CommandConfirmTimeoutSeconds);
        while (true)
        {
            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) throw new TimeoutException();
            var report = await AskReportAsync(nodeId, endpoint, plan.Confirm, r => r.CommandClass == plan.Confirm[0],
                TimeSpan.FromSeconds(Math.Min(_options.ReportTimeoutSeconds, remaining.TotalSeconds)), cancellationToken);
            if (plan.Reached(report)) return;
            await Task.Delay(TimeSpan.FromSeconds(_options.ConfirmPollSeconds), _time, cancellationToken);
        }
    }

    /// <summary>Requests from the controller (on its reading loop: nothing here waits).</summary>
    private void OnUnsolicited(SerialFrame frame)
    {
        switch (frame.FunctionId)
        {
            case FunctionId.ApplicationCommandHandler when ApplicationCommand.Parse(frame.Payload) is { } command:
                OnApplicationCommand(command);
                break;
            case FunctionId.ApplicationUpdate when NodeInformation.Parse(frame.Payload) is { } information:
                if (information.Status == NodeInformation.NodeInfoReceived && _nodeInfoWaiters.TryGetValue(information.NodeId, out var waiter)) waiter.TrySetResult(information);
                else if (information.Status == NodeInformation.NodeInfoRequestFailed)
                    foreach (var pending in _nodeInfoWaiters.Values) pending.TrySetResult(information);
                break;
            default:
                OnControllerFrame(frame);
                break;
        }
    }

    private void OnApplicationCommand(ApplicationCommand command)
    {
        MarkHeardFrom(command.SourceNodeId);
        if (_encapsulation.Unwrap(new EncapsulatedCommand(command.SourceNodeId, 0, command.Payload)) is not { } inner)
        {
            Interlocked.Increment(ref _unknownReports);
            return;
        }
        NoteHeard(inner.NodeId);
        if (SupervisionCommandClass.ParseGet(inner.Payload) is { } supervised)
        {
            // A report the node sends supervised: it is read, and the node told it arrived.
            AnswerSupervision(inner, supervised.SessionId);
            inner = inner with { Payload = supervised.Command };
        }
        if (WakeUpCommandClass.IsNotification(inner.Payload))
        {
            OnWakeUp(inner.NodeId);
            return;
        }
        if (CommandClassDecoder.Decode(inner.Payload) is not { } report)
        {
            Interlocked.Increment(ref _unknownReports);
            return;
        }
        Interlocked.Increment(ref _reportsReceived);
        foreach (var waiter in _reportWaiters.Values)
            if (waiter.NodeId == inner.NodeId && waiter.Endpoint == inner.Endpoint && waiter.Wanted(report)) waiter.Done.TrySetResult(report);
        if (report is ConfigurationReport configuration) _parameters[(inner.NodeId, configuration.Parameter)] = configuration;
        if (inner.Endpoint == 0) RememberAssociation(inner.NodeId, report);
        if (report is CentralSceneNotification scene && IsRepeatedScene(inner.NodeId, scene)) return;
        var address = new ZWaveDeviceAddress(inner.NodeId, inner.Endpoint).ToString();
        if (!_devices.TryGetValue(address, out var device))
        {
            // A node whose endpoints are the devices reports its battery at its root: every one of them shows it.
            if (inner.Endpoint != 0 || report is not BatteryReport) return;
            foreach (var endpointDevice in _devices.Values.Where(d => d.Address.NodeId == inner.NodeId && d.Address.Endpoint != 0))
                Publish(endpointDevice, report);
            return;
        }
        Publish(device, report);
    }

    private void Publish(DeviceEntry device, CommandClassReport report)
    {
        var states = ZWaveStateTranslator.FromReport(device.ControllableName, report);
        if (states.Count > 0) _reports.Writer.TryWrite(new StatesReported(device.Address.ToString(), states));
    }
}
