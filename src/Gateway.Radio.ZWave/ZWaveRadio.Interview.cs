using System.Globalization;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Encapsulation;
using Gateway.Radio.ZWave.Nodes;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// The interview of a node: protocol info (listening, device classes), node information frame (command classes),
/// Manufacturer Specific, Version and the notification types; then it is stored and created. A node that needs
/// security is stored as refused. A node that does not answer is tried again on the next connection.
/// </summary>
public sealed partial class ZWaveRadio
{
    private long _interviewsCompleted, _interviewsFailed;

    /// <summary>Sleeping nodes whose interview waits for their wake-up notification.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<byte, bool> _awaitingWakeUp = new();

    /// <summary>Nodes waiting for their wake-up to be interviewed.</summary>
    public IReadOnlyCollection<byte> AwaitingWakeUp => [.. _awaitingWakeUp.Keys];

    private async Task InterviewAsync(SerialApiSession session, byte nodeId, CancellationToken cancellationToken)
    {
        try
        {
            var protocol = NodeProtocolInfo.Parse(await AskAsync(session, FunctionId.GetNodeProtocolInfo, [nodeId], cancellationToken));
            if (protocol is not { Exists: true })
            {
                _logger.LogWarning("Z-Wave controller has no protocol info for node {NodeId}", nodeId);
                return;
            }
            NodeInformation information;
            try
            {
                information = await RequestNodeInformationAsync(session, nodeId, cancellationToken);
            }
            catch (Exception ex) when (!protocol.IsListening && !protocol.IsFrequentListening && ex is ZWaveDeliveryException or TimeoutException and not SerialApiTimeoutException)
            {
                _awaitingWakeUp[nodeId] = true;
                _logger.LogInformation("Z-Wave node {NodeId} sleeps; it is interviewed when it wakes up", nodeId);
                return;
            }
            var supported = information.CommandClasses.TakeWhile(cc => cc != CommandClassId.SupportControlMark).ToList();
            var node = new ZWaveNode(nodeId, protocol.IsListening, protocol.Basic, protocol.Generic, protocol.Specific, supported);
            if (SecurityLayer.NeedsSecurity(supported, ZWaveDeviceMapper.UsableCommandClasses))
            {
                node = node with { Refused = "needs Security S0/S2, which the gateway does not support: include the device without security" };
                _logger.LogError("Z-Wave node {NodeId} {Refused}", nodeId, node.Refused);
            }
            else
            {
                node = await AskDetailsAsync(node, cancellationToken);
            }
            _nodes[nodeId] = node;
            await _settings.SetAsync(Protocol, NodeKey(nodeId), ZWaveNodeJson.Write(node), cancellationToken);
            Interlocked.Increment(ref _interviewsCompleted);
            _logger.LogInformation("Z-Wave node {NodeId} interviewed: generic 0x{Generic:X2}, specific 0x{Specific:X2}, command classes {Classes}",
                nodeId, node.Generic, node.Specific, Convert.ToHexString([.. supported]));
            if (node.Refused is null)
            {
                CreateDevice(node);
                await RefreshNodeAsync(node, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or ZWaveDeliveryException or InvalidDataException)
        {
            Interlocked.Increment(ref _interviewsFailed);
            _logger.LogWarning("Z-Wave node {NodeId} interview failed ({Reason}); it is tried again on the next connection", nodeId, ex.Message);
            if (ex is SerialApiTimeoutException) throw;
        }
    }

    private async Task<NodeInformation> RequestNodeInformationAsync(SerialApiSession session, byte nodeId, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<NodeInformation>(TaskCreationOptions.RunContinuationsAsynchronously);
        _nodeInfoWaiters[nodeId] = waiter;
        try
        {
            var accepted = await AskAsync(session, FunctionId.RequestNodeInfo, [nodeId], cancellationToken);
            if (accepted.Length == 0 || accepted[0] == 0) throw new ZWaveDeliveryException($"the controller refused to ask node {nodeId} for its node information");
            var information = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(_options.NodeInfoTimeoutSeconds), _time, cancellationToken);
            if (information.Status != NodeInformation.NodeInfoReceived) throw new ZWaveDeliveryException($"node {nodeId} did not send its node information");
            return information;
        }
        finally
        {
            _nodeInfoWaiters.TryRemove(KeyValuePair.Create(nodeId, waiter));
        }
    }

    /// <summary>Manufacturer, version and notification types; a node that does not answer one of them keeps it unknown.</summary>
    private async Task<ZWaveNode> AskDetailsAsync(ZWaveNode node, CancellationToken cancellationToken)
    {
        if (node.Supports(CommandClassId.ManufacturerSpecific)
            && await TryAskReportAsync(node.NodeId, ManufacturerSpecificCommandClass.Get(), r => r is ManufacturerReport, cancellationToken) is ManufacturerReport manufacturer)
            node = node with { ManufacturerId = manufacturer.ManufacturerId, ProductType = manufacturer.ProductType, ProductId = manufacturer.ProductId };
        if (node.Supports(CommandClassId.Version)
            && await TryAskReportAsync(node.NodeId, VersionCommandClass.Get(), r => r is VersionReport, cancellationToken) is VersionReport version)
            node = node with { ApplicationVersion = version.Application };
        if (node.Supports(CommandClassId.Notification)
            && await TryAskReportAsync(node.NodeId, NotificationCommandClass.SupportedGet(), r => r is NotificationSupportedReport, cancellationToken) is NotificationSupportedReport types)
            node = node with { NotificationTypes = [.. types.NotificationTypes] };
        if (node.Supports(CommandClassId.Meter)
            && await TryAskReportAsync(node.NodeId, MeterCommandClass.SupportedGet(), r => r is MeterSupportedReport, cancellationToken) is MeterSupportedReport meter)
            node = node with { MeterResettable = meter.Resettable };
        if (node.Supports(CommandClassId.MultiChannel)) node = node with { Endpoints = await AskEndpointsAsync(node.NodeId, cancellationToken) };
        if (_controller?.OwnNodeId is { } controller)
        {
            if (node.Supports(CommandClassId.Association)) node = node with { LifelineSet = await SetLifelineAsync(node.NodeId, controller, cancellationToken) };
            if (node.Supports(CommandClassId.WakeUp) && !node.Listening) node = node with { WakeUpIntervalSeconds = await SetWakeUpIntervalAsync(node.NodeId, controller, cancellationToken) };
        }
        return node;
    }

    /// <summary>Multi Channel endpoints and what each supports; endpoints that do not answer are left out.</summary>
    private async Task<IReadOnlyList<ZWaveEndpoint>> AskEndpointsAsync(byte nodeId, CancellationToken cancellationToken)
    {
        if (await TryAskReportAsync(nodeId, MultiChannelCommandClass.EndPointGet(), r => r is MultiChannelEndPointReport, cancellationToken) is not MultiChannelEndPointReport count)
            return [];
        var endpoints = new List<ZWaveEndpoint>();
        for (byte index = 1; index <= count.Endpoints; index++)
        {
            var wanted = index;
            if (await TryAskReportAsync(nodeId, MultiChannelCommandClass.CapabilityGet(index), r => r is MultiChannelCapabilityReport c && c.Endpoint == wanted, cancellationToken)
                is MultiChannelCapabilityReport capability)
                endpoints.Add(new ZWaveEndpoint(index, capability.Generic, capability.Specific, capability.CommandClasses));
        }
        return endpoints;
    }

    /// <summary>Points the node's lifeline (association group 1) at the controller, so it reports on its own; true when the node confirms.</summary>
    private async Task<bool> SetLifelineAsync(byte nodeId, byte controller, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(nodeId, 0, AssociationCommandClass.Set(AssociationCommandClass.Lifeline, controller), cancellationToken);
        }
        catch (ZWaveDeliveryException ex)
        {
            _logger.LogInformation("Z-Wave node {NodeId} lifeline not set: {Reason}", nodeId, ex.Message);
            return false;
        }
        return await TryAskReportAsync(nodeId, AssociationCommandClass.Get(AssociationCommandClass.Lifeline),
            r => r is AssociationReport { Group: AssociationCommandClass.Lifeline }, cancellationToken) is AssociationReport report && report.NodeIds.Contains(controller);
    }

    /// <summary>Sets how often a sleeping node wakes up (and that it tells the controller); the interval the node reports back, or null.</summary>
    private async Task<int?> SetWakeUpIntervalAsync(byte nodeId, byte controller, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(nodeId, 0, WakeUpCommandClass.IntervalSet(_options.WakeUpIntervalSeconds, controller), cancellationToken);
        }
        catch (ZWaveDeliveryException ex)
        {
            _logger.LogInformation("Z-Wave node {NodeId} wake-up interval not set: {Reason}", nodeId, ex.Message);
            return null;
        }
        return await TryAskReportAsync(nodeId, WakeUpCommandClass.IntervalGet(), r => r is WakeUpIntervalReport, cancellationToken) is WakeUpIntervalReport report
            ? report.Seconds : null;
    }

    private Task<CommandClassReport?> TryAskReportAsync(byte nodeId, byte[] get, Func<CommandClassReport, bool> wanted, CancellationToken cancellationToken) =>
        TryAskReportAsync(nodeId, 0, get, wanted, cancellationToken);

    private async Task<CommandClassReport?> TryAskReportAsync(byte nodeId, byte endpoint, byte[] get, Func<CommandClassReport, bool> wanted, CancellationToken cancellationToken)
    {
        try
        {
            return await AskReportAsync(nodeId, endpoint, get, wanted, TimeSpan.FromSeconds(_options.ReportTimeoutSeconds), cancellationToken);
        }
        catch (Exception ex) when (ex is ZWaveDeliveryException or TimeoutException and not SerialApiTimeoutException)
        {
            _logger.LogInformation("Z-Wave node {NodeId} did not answer 0x{Class:X2}{Command:X2}: {Reason}", nodeId, get[0], get[1], ex.Message);
            return null;
        }
    }

    private static string Hex(ushort? value) => value is { } v ? v.ToString("X4", CultureInfo.InvariantCulture) : "";
}
