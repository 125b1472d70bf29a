using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Simulator.Devices;

/// <summary>
/// The ZCL side of a Zigbee device: endpoints with their server clusters, an attribute table, the global commands
/// (read, write, configure reporting, discover) and a cluster command hook for subclasses. Attribute changes are
/// reported for the attributes the gateway configured reporting on: in the answer to the command that caused them, or
/// through <see cref="Emitted"/> when they happen on their own. Reports are sent at once, ignoring minimum intervals.
/// </summary>
public abstract class SimulatedZigbeeDevice
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(byte Endpoint, ushort Cluster, ushort Attribute), ZclValue> _attributes = [];
    private readonly HashSet<(byte Endpoint, ushort Cluster, ushort Attribute)> _writable = [];
    private readonly Dictionary<(byte Endpoint, ushort Cluster, ushort Attribute), ReportingConfiguration> _reporting = [];
    private readonly List<SimulatedZclMessage> _pending = [];
    private readonly List<ZigbeeEndpointInfo> _endpoints = [];
    private byte _sequence;

    protected SimulatedZigbeeDevice(ulong ieee, ushort networkAddress, string manufacturer, string model, ZigbeePowerSource powerSource)
    {
        Ieee = ieee;
        NetworkAddress = networkAddress;
        Manufacturer = manufacturer;
        Model = model;
        PowerSource = powerSource;
    }

    public ulong Ieee { get; }
    public ushort NetworkAddress { get; }
    public string Manufacturer { get; }
    public string Model { get; }
    public ZigbeePowerSource PowerSource { get; }

    /// <summary>The simple descriptors, as the ZDO interview reads them.</summary>
    public IReadOnlyList<ZigbeeEndpointInfo> Endpoints
    {
        get { lock (_gate) return [.. _endpoints]; }
    }

    /// <summary>The IAS zone type, for a device with an IAS zone.</summary>
    public virtual ushort? IasZoneType => null;

    /// <summary>Frames the device sends unprompted. Raised outside the device's lock.</summary>
    public event Action<SimulatedZclMessage>? Emitted;

    /// <summary>What the interview would learn: for tests that skip the ZDO exchange.</summary>
    public ZigbeeNodeInfo NodeInfo => new(Ieee, Manufacturer, Model, PowerSource, Endpoints, IasZoneType);

    public ZclValue? Attribute(byte endpoint, ushort cluster, ushort attribute)
    {
        lock (_gate) return _attributes.GetValueOrDefault((endpoint, cluster, attribute));
    }

    public ReportingConfiguration? Reporting(byte endpoint, ushort cluster, ushort attribute)
    {
        lock (_gate) return _reporting.GetValueOrDefault((endpoint, cluster, attribute));
    }

    /// <summary>Handles one frame from the gateway and returns the frames the device answers with.</summary>
    public IReadOnlyList<(ushort Cluster, ZclFrame Frame)> HandleZcl(byte endpoint, ushort cluster, ZclFrame frame)
    {
        var answers = new List<(ushort, ZclFrame)>();
        lock (_gate)
        {
            var info = _endpoints.FirstOrDefault(e => e.Endpoint == endpoint);
            if (info is null) return [];
            if (!info.Serves(cluster))
            {
                if (!frame.DisableDefaultResponse && !IsDefaultResponse(frame))
                    answers.Add((cluster, ZclGlobal.DefaultResponse(frame, ZclStatus.UnsupportedCluster)));
                return answers;
            }
            var answer = frame.IsGlobal ? HandleGlobal(endpoint, cluster, frame) : HandleClusterCommand(endpoint, cluster, frame);
            if (answer is not null) answers.Add((cluster, answer));
            answers.AddRange(_pending.Where(p => p.Endpoint == endpoint).Select(p => (p.Cluster, p.Frame)));
            _pending.RemoveAll(p => p.Endpoint == endpoint);
        }
        Flush();
        return answers;
    }

    protected void AddEndpoint(byte endpoint, ushort deviceId, ushort[] inClusters, ushort[] outClusters)
    {
        lock (_gate)
        {
            _endpoints.Add(new ZigbeeEndpointInfo(endpoint, ZigbeeEndpointInfo.HomeAutomationProfile, deviceId, [ZclClusterId.Basic, ZclClusterId.Identify, .. inClusters], outClusters));
            Define(endpoint, BasicCluster.Id, BasicCluster.ZclVersion, ZclValue.UInt8(8));
            Define(endpoint, BasicCluster.Id, BasicCluster.ManufacturerName, ZclValue.CharString(Manufacturer));
            Define(endpoint, BasicCluster.Id, BasicCluster.ModelIdentifier, ZclValue.CharString(Model));
            Define(endpoint, BasicCluster.Id, BasicCluster.PowerSource, ZclValue.Enum8(PowerSource == ZigbeePowerSource.Battery ? BasicCluster.PowerSourceBattery : BasicCluster.PowerSourceMainsSinglePhase));
            Define(endpoint, BasicCluster.Id, BasicCluster.SoftwareBuildId, ZclValue.CharString("sim-1.0"));
            Define(endpoint, IdentifyCluster.Id, IdentifyCluster.IdentifyTime, ZclValue.UInt16(0), writable: true);
        }
    }

    protected void Define(byte endpoint, ushort cluster, ushort attribute, ZclValue value, bool writable = false)
    {
        lock (_gate)
        {
            _attributes[(endpoint, cluster, attribute)] = value;
            if (writable) _writable.Add((endpoint, cluster, attribute));
        }
    }

    /// <summary>Changes an attribute; queues a report when the gateway configured reporting on it and the value changed.</summary>
    protected void Set(byte endpoint, ushort cluster, ushort attribute, ZclValue value)
    {
        lock (_gate)
        {
            var key = (endpoint, cluster, attribute);
            var changed = !_attributes.TryGetValue(key, out var old) || !old.Equals(value);
            _attributes[key] = value;
            if (changed && _reporting.ContainsKey(key))
                _pending.Add(new SimulatedZclMessage(endpoint, cluster, ZclGlobal.ReportAttributes(NextSequence(), (attribute, value))));
        }
    }

    /// <summary>Queues a frame the device sends; it goes out with the next answer or <see cref="Flush"/>.</summary>
    protected void Send(byte endpoint, ushort cluster, ZclFrame frame)
    {
        lock (_gate) _pending.Add(new SimulatedZclMessage(endpoint, cluster, frame));
    }

    /// <summary>Raises <see cref="Emitted"/> for every queued frame.</summary>
    protected void Flush()
    {
        List<SimulatedZclMessage> outgoing;
        lock (_gate)
        {
            outgoing = [.. _pending];
            _pending.Clear();
        }
        foreach (var message in outgoing) Emitted?.Invoke(message);
    }

    /// <summary>The device's lock, re-entrant; subclasses with state of their own take it too, so one order holds.</summary>
    protected Lock Gate => _gate;

    protected byte NextSequence()
    {
        lock (_gate) return _sequence++;
    }

    /// <summary>Runs under the device's lock. Answers a status (default response), or null for an unknown command.</summary>
    protected abstract ZclStatus? OnClusterCommand(byte endpoint, ushort cluster, ZclFrame frame);

    /// <summary>Runs under the device's lock after a successful write.</summary>
    protected virtual void OnAttributeWritten(byte endpoint, ushort cluster, ushort attribute, ZclValue value)
    {
    }

    private ZclFrame? HandleClusterCommand(byte endpoint, ushort cluster, ZclFrame frame)
    {
        if (cluster == IdentifyCluster.Id && IdentifyCluster.TryParseIdentify(frame, out var seconds))
        {
            Set(endpoint, cluster, IdentifyCluster.IdentifyTime, ZclValue.UInt16(seconds));
            return Default(frame, ZclStatus.Success);
        }
        var status = OnClusterCommand(endpoint, cluster, frame) ?? ZclStatus.UnsupClusterCommand;
        return Default(frame, status);
    }

    /// <summary>A default response unless the sender disabled it; errors are always answered (ZCL spec §2.5.12.2).</summary>
    private static ZclFrame? Default(ZclFrame request, ZclStatus status) =>
        request.DisableDefaultResponse && status == ZclStatus.Success ? null : ZclGlobal.DefaultResponse(request, status);

    private static bool IsDefaultResponse(ZclFrame frame) => frame.IsGlobalCommand(ZclGlobalCommand.DefaultResponse);

    private ZclFrame? HandleGlobal(byte endpoint, ushort cluster, ZclFrame frame)
    {
        switch (frame.CommandId)
        {
            case ZclGlobalCommand.ReadAttributes when ReadAttributesRequest.TryParse(frame, out var read):
                return Respond(frame, ZclGlobal.ReadAttributesResponse(frame.Sequence, read.AttributeIds.Select(id =>
                    _attributes.TryGetValue((endpoint, cluster, id), out var value)
                        ? new ReadAttributeRecord(id, ZclStatus.Success, value)
                        : new ReadAttributeRecord(id, ZclStatus.UnsupportedAttribute, null))));
            case ZclGlobalCommand.WriteAttributes or ZclGlobalCommand.WriteAttributesUndivided or ZclGlobalCommand.WriteAttributesNoResponse
                when WriteAttributesRequest.TryParse(frame, out var write):
                var failures = Write(endpoint, cluster, write, undivided: frame.CommandId == ZclGlobalCommand.WriteAttributesUndivided);
                return frame.CommandId == ZclGlobalCommand.WriteAttributesNoResponse ? null : Respond(frame, ZclGlobal.WriteAttributesResponse(frame.Sequence, failures));
            case ZclGlobalCommand.ConfigureReporting when ConfigureReportingRequest.TryParse(frame, out var configure):
                var refused = new List<ConfigureReportingStatus>();
                foreach (var configuration in configure.Reported)
                {
                    var key = (endpoint, cluster, configuration.AttributeId);
                    if (!_attributes.TryGetValue(key, out var current))
                        refused.Add(new ConfigureReportingStatus(ZclStatus.UnsupportedAttribute, 0, configuration.AttributeId));
                    else if (current.Type != configuration.DataType)
                        refused.Add(new ConfigureReportingStatus(ZclStatus.InvalidDataType, 0, configuration.AttributeId));
                    else if (configuration.MaximumInterval == 0xFFFF)
                        _reporting.Remove(key);
                    else
                        _reporting[key] = configuration;
                }
                return Respond(frame, ZclGlobal.ConfigureReportingResponse(frame.Sequence, refused));
            case ZclGlobalCommand.DiscoverAttributes when DiscoverAttributesRequest.TryParse(frame, out var discover):
                var found = _attributes
                    .Where(a => a.Key.Endpoint == endpoint && a.Key.Cluster == cluster && a.Key.Attribute >= discover.StartAttributeId)
                    .OrderBy(a => a.Key.Attribute)
                    .Select(a => new DiscoveredAttribute(a.Key.Attribute, a.Value.Type))
                    .ToList();
                var page = found.Take(discover.MaximumCount).ToList();
                return Respond(frame, ZclGlobal.DiscoverAttributesResponse(frame.Sequence, page.Count == found.Count, page));
            case ZclGlobalCommand.DefaultResponse:
                return null;
            case ZclGlobalCommand.ReadAttributes or ZclGlobalCommand.WriteAttributes or ZclGlobalCommand.WriteAttributesUndivided
                or ZclGlobalCommand.ConfigureReporting or ZclGlobalCommand.DiscoverAttributes:
                return Default(frame, ZclStatus.MalformedCommand);
            default:
                return Default(frame, ZclStatus.UnsupGeneralCommand);
        }
    }

    private List<WriteAttributeStatus> Write(byte endpoint, ushort cluster, WriteAttributesRequest write, bool undivided)
    {
        var failures = new List<WriteAttributeStatus>();
        foreach (var (id, value) in write.Attributes)
        {
            var key = (endpoint, cluster, id);
            if (!_attributes.TryGetValue(key, out var current)) failures.Add(new(ZclStatus.UnsupportedAttribute, id));
            else if (current.Type != value.Type) failures.Add(new(ZclStatus.InvalidDataType, id));
            else if (!_writable.Contains(key)) failures.Add(new(ZclStatus.ReadOnly, id));
        }
        if (undivided && failures.Count > 0) return failures;
        foreach (var (id, value) in write.Attributes)
        {
            if (failures.Any(f => f.AttributeId == id)) continue;
            Set(endpoint, cluster, id, value);
            OnAttributeWritten(endpoint, cluster, id, value);
        }
        return failures;
    }

    /// <summary>A response carries the request's manufacturer code.</summary>
    private static ZclFrame Respond(ZclFrame request, ZclFrame response) => response with { ManufacturerCode = request.ManufacturerCode };
}
