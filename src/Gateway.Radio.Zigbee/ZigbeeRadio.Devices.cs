using System.Collections.Concurrent;
using System.Globalization;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// The device side of the radio: after the ZDO interview, the Basic cluster is read, the node mapped to Overkiz kinds,
/// bound and configured for reporting, and each kind created (DeviceDiscovered, address <c>IEEE#endpoint</c>); commands
/// become ZCL frames that complete on the device's response; reports become states.
/// </summary>
public sealed partial class ZigbeeRadio
{
    private readonly ConcurrentDictionary<string, ZigbeeDeviceAddress> _devices = new(StringComparer.OrdinalIgnoreCase);
    private ZclTransactions? _zcl;
    private long _reportsReceived, _commandsSent, _commandFailures;

    private ZclTransactions Zcl => _zcl ??= new ZclTransactions(_time);

    private TimeSpan ZclTimeout => TimeSpan.FromSeconds(_options.ZclResponseTimeoutSeconds);

    public static string AddressOf(ulong ieee, byte endpoint) => $"{ieee:X16}#{endpoint}";

    private void RememberKnownDevices(RadioStartContext context)
    {
        foreach (var known in context.KnownDevices)
        {
            if (ZigbeeDeviceAddress.TryParse(known.Address, known.ControllableName) is { } address) _devices[known.Address] = address;
        }
    }

    /// <summary>After the ZDO interview: Basic cluster, mapping, binding, reporting, creation, first states.</summary>
    private async Task SetUpDevicesAsync(NodeInterview node, CancellationToken cancellationToken)
    {
        var endpoints = node.Endpoints.Select(e => new ZigbeeEndpointInfo(e.Endpoint, e.ProfileId, e.DeviceId, e.InClusters, e.OutClusters)).ToList();
        var basicEndpoint = endpoints.FirstOrDefault(e => e.ProfileId is ZigbeeEndpointInfo.HomeAutomationProfile or ZigbeeEndpointInfo.LightLinkProfile && e.Serves(BasicCluster.Id));
        string? manufacturer = null, model = null, build = null;
        var power = node.MainsPowered ? ZigbeePowerSource.Mains : ZigbeePowerSource.Battery;
        if (basicEndpoint is not null)
        {
            var basic = await ReadAsync(node.Ieee, basicEndpoint.Endpoint, BasicCluster.Id, BasicCluster.InterviewAttributes, cancellationToken);
            foreach (var (id, value) in basic)
            {
                if (id == BasicCluster.ManufacturerName) manufacturer = value.AsString();
                else if (id == BasicCluster.ModelIdentifier) model = value.AsString();
                else if (id == BasicCluster.SoftwareBuildId) build = value.AsString();
                else if (id == BasicCluster.PowerSource) power = ZigbeePowerSources.FromBasicAttribute(value.Integer);
            }
        }
        ushort? zoneType = null;
        if (endpoints.FirstOrDefault(e => e.Serves(IasZoneCluster.Id)) is { } zone
            && (await ReadAsync(node.Ieee, zone.Endpoint, IasZoneCluster.Id, [IasZoneCluster.ZoneType], cancellationToken)) is [(_, var type), ..])
            zoneType = (ushort)type.Integer;

        var info = new ZigbeeNodeInfo(node.Ieee, manufacturer, model, power, endpoints, zoneType);
        var definitions = ZigbeeDeviceMapper.Map(info);
        if (definitions.Count == 0) _logger.LogWarning("Zigbee device {Ieee:X16} ({Manufacturer} {Model}) serves no cluster the gateway knows", node.Ieee, manufacturer, model);
        foreach (var definition in definitions)
        {
            await BindAndConfigureAsync(node, definition, cancellationToken);
            var address = AddressOf(node.Ieee, definition.Endpoint);
            _devices[address] = new ZigbeeDeviceAddress(node.Ieee, definition.Endpoint, definition.ControllableName);
            if (ZigbeeDeviceMapper.ZoneTypeOf(definition.ControllableName) is not null && endpoints.Any(e => e.Endpoint == definition.Endpoint && e.Serves(IasZoneCluster.Id)))
                await EnrolZoneAsync(node, definition.Endpoint, cancellationToken);
            var attributes = new List<DeviceState>();
            if (manufacturer is not null) attributes.Add(DeviceState.Of("core:Manufacturer", manufacturer));
            if (model is not null) attributes.Add(DeviceState.Of("zigbee:Model", model));
            if (build is not null) attributes.Add(DeviceState.Of("zigbee:SoftwareBuild", build));
            attributes.Add(DeviceState.Of("zigbee:PowerSource", power.ToString()));
            _reports.Writer.TryWrite(new DeviceDiscovered(address, definition.ControllableName, definition.Label, [], attributes));
            // A device known from before (paired again after the network was left) is back.
            _reports.Writer.TryWrite(new AvailabilityReported(address, true));
            _logger.LogInformation("Zigbee device {Address} created as {Kind}", address, definition.ControllableName);
            await RefreshAsync(address, cancellationToken);
        }
    }

    /// <summary>Binds the clusters to the gateway and configures reporting; a device that refuses is still created (it can be polled).</summary>
    private async Task BindAndConfigureAsync(NodeInterview node, ZigbeeDeviceDefinition definition, CancellationToken cancellationToken)
    {
        var session = _ready ?? throw new ZigbeeInterviewException("the coordinator went away");
        var coordinator = _startup?.IeeeAddress ?? 0;
        foreach (var cluster in definition.BindClusters)
        {
            var answered = session.WaitForAsync(f => ZdoCommands.ResponseHeader(f, ZdoCommands.BindRspId) is { Source: var s } && s == node.NetworkAddress,
                "ZDO_BIND_RSP", TimeSpan.FromSeconds(_options.ZdoResponseTimeoutSeconds), cancellationToken);
            try
            {
                await session.RequestAsync(ZdoCommands.BindRequest(node.NetworkAddress, node.Ieee, definition.Endpoint, cluster, coordinator, ZnpStartup.GatewayEndpoint), cancellationToken);
                var status = ZdoCommands.ResponseHeader(await answered, ZdoCommands.BindRspId)!.Value.Status;
                if (status != MtStatus.Success) _logger.LogWarning("Zigbee device {Ieee:X16} refused to bind cluster 0x{Cluster:X4} (status 0x{Status:X2})", node.Ieee, cluster, status);
            }
            catch (ZnpTimeoutException)
            {
                _logger.LogWarning("Zigbee device {Ieee:X16} did not answer binding cluster 0x{Cluster:X4}", node.Ieee, cluster);
            }
        }
        foreach (var cluster in definition.Reporting.Select(r => r.ClusterId).Distinct())
        {
            var frame = ZclGlobal.ConfigureReporting(Zcl.NextSequence(), definition.ReportingFor(cluster));
            try
            {
                var answer = await ZclRequestAsync(node.Ieee, definition.Endpoint, cluster, frame, cancellationToken);
                if (ConfigureReportingResponse.TryParse(answer, out var response) && !response.AllSucceeded)
                    _logger.LogWarning("Zigbee device {Ieee:X16} refused some reporting on cluster 0x{Cluster:X4}", node.Ieee, cluster);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("Zigbee device {Ieee:X16} did not answer the reporting configuration of cluster 0x{Cluster:X4}", node.Ieee, cluster);
            }
        }
    }

    private async Task<IReadOnlyList<(ushort Id, ZclValue Value)>> ReadAsync(ulong ieee, byte endpoint, ushort cluster, ushort[] attributes, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await ZclRequestAsync(ieee, endpoint, cluster, ZclGlobal.ReadAttributes(Zcl.NextSequence(), attributes), cancellationToken);
            return ReadAttributesResponse.TryParse(answer, out var response) ? response.Values : [];
        }
        catch (TimeoutException)
        {
            throw new ZigbeeInterviewException($"no answer reading cluster 0x{cluster:X4} of endpoint {endpoint}");
        }
    }

    /// <summary>Reads every state the kind shows (and the sensing states its endpoint serves) and reports what came back.</summary>
    private async Task RefreshAsync(string address, CancellationToken cancellationToken)
    {
        if (!_devices.TryGetValue(address, out var device)) return;
        var requests = ZigbeeCommandTranslator.Refresh(device.ControllableName, Zcl.NextSequence).ToList();
        if (_nodes.TryGetValue(device.Ieee, out var node) && node.Endpoints.FirstOrDefault(e => e.Endpoint == device.Endpoint) is { } served)
            requests.AddRange(ZigbeeCommandTranslator.SensorReads(device.ControllableName, served.InClusters, Zcl.NextSequence));
        foreach (var request in requests)
        {
            try
            {
                var answer = await ZclRequestAsync(device.Ieee, device.Endpoint, request.ClusterId, request.Frame, cancellationToken);
                if (ReadAttributesResponse.TryParse(answer, out var response))
                    ReportStates(address, ZigbeeStateTranslator.FromAttributes(request.ClusterId, WithZoneType(device, request.ClusterId, response.Values)));
            }
            catch (TimeoutException)
            {
                _logger.LogInformation("Zigbee device {Address} did not answer reading cluster 0x{Cluster:X4}", address, request.ClusterId);
            }
        }
    }

    private Task<ZclFrame> ZclRequestAsync(ulong ieee, byte endpoint, ushort cluster, ZclFrame frame, CancellationToken cancellationToken) =>
        Zcl.RequestAsync(ieee, endpoint, cluster, frame, ct => SendAsync(ieee, endpoint, cluster, ZclCodec.Encode(frame), ct), ZclTimeout, cancellationToken);

    private void ReportStates(string address, IReadOnlyList<DeviceState> states)
    {
        if (states.Count > 0) _reports.Writer.TryWrite(new StatesReported(address, states));
    }

    /// <summary>Runs a command: its ZCL frames one after the other, each completing on the device's response.</summary>
    public async Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        var address = command.Address;
        var slash = address.LastIndexOf('/');
        if (slash >= 0) address = address[(slash + 1)..];
        if (!_devices.TryGetValue(address, out var device))
            throw new RadioCommandException(FailureType.ActuatorUnknown, $"no Zigbee device {command.Address}");
        var requests = ZigbeeCommandTranslator.Translate(device.ControllableName, command, Zcl.NextSequence);
        Interlocked.Increment(ref _commandsSent);
        try
        {
            foreach (var request in requests)
            {
                var answer = await ZclRequestAsync(device.Ieee, device.Endpoint, request.ClusterId, request.Frame, cancellationToken);
                if (DefaultResponse.TryParse(answer, out var done) && done.Status != ZclStatus.Success)
                    throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"the device refused {command.Name} ({done.Status})");
                if (ReadAttributesResponse.TryParse(answer, out var read)) ReportStates(address, ZigbeeStateTranslator.FromAttributes(request.ClusterId, read.Values));
                if (WriteAttributesResponse.TryParse(answer, out var written) && !written.AllSucceeded)
                    throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"the device refused {command.Name}");
            }
        }
        catch (ZnpTimeoutException ex)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.NonExecuting, $"the Zigbee coordinator did not answer: {ex.Message}");
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"Zigbee device {address} did not answer {command.Name}");
        }
        catch (ZigbeeDeliveryException ex)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"Zigbee device {address}: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            Interlocked.Increment(ref _commandFailures);
            throw new RadioCommandException(FailureType.NonExecuting, ex.Message);
        }
        catch (RadioCommandException)
        {
            Interlocked.Increment(ref _commandFailures);
            throw;
        }
    }

    /// <summary>
    /// A ZCL frame from a device: a response someone waits for, an IAS enroll request, or a report or zone notification
    /// that becomes states and is acknowledged.
    /// </summary>
    private void OnZclFrame(NodeInterview node, IncomingMessage message)
    {
        if (!ZclCodec.TryDecode(message.Payload, out var frame)) return;
        if (Zcl.TryComplete(node.Ieee, message.SourceEndpoint, message.ClusterId, frame)) return;
        if (TryAnswerEnrolment(node, message, frame)) return;
        var address = AddressOf(node.Ieee, message.SourceEndpoint);
        if (!_devices.TryGetValue(address, out var device)) return;
        if (AttributeReport.TryParse(frame, out var report))
        {
            Interlocked.Increment(ref _reportsReceived);
            ReportStates(address, ZigbeeStateTranslator.FromAttributes(message.ClusterId, WithZoneType(device, message.ClusterId, report.Attributes)));
            Acknowledge(node, message, frame);
        }
        else if (TryReportZoneStatus(address, device, message.ClusterId, frame))
        {
            Acknowledge(node, message, frame);
        }
        else if (ReadAttributesResponse.TryParse(frame, out var read))
        {
            ReportStates(address, ZigbeeStateTranslator.FromAttributes(message.ClusterId, WithZoneType(device, message.ClusterId, read.Values)));
        }
    }
}
