using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Simulator;

/// <summary>Plays the gateway's side against one simulated device, through the library's mapper and translators.</summary>
internal sealed class DeviceHarness
{
    private byte _sequence = 0x10;

    public DeviceHarness(SimulatedZigbeeDevice device)
    {
        Device = device;
        Definition = Assert.Single(ZigbeeDeviceMapper.Map(device.NodeInfo));
        device.Emitted += Emitted.Enqueue;
    }

    public SimulatedZigbeeDevice Device { get; }
    public ZigbeeDeviceDefinition Definition { get; }
    public ConcurrentQueue<SimulatedZclMessage> Emitted { get; } = new();

    public byte NextSequence() => _sequence++;

    public IReadOnlyList<(ushort Cluster, ZclFrame Frame)> Send(ushort cluster, ZclFrame frame) =>
        Device.HandleZcl(Definition.Endpoint, cluster, frame);

    /// <summary>Configures reporting as the gateway would after an interview; every cluster must accept it.</summary>
    public void ConfigureReporting()
    {
        foreach (var cluster in Definition.BindClusters)
        {
            var configurations = Definition.ReportingFor(cluster);
            if (configurations.Count == 0) continue;
            var answer = Assert.Single(Send(cluster, ZclGlobal.ConfigureReporting(NextSequence(), configurations)));
            Assert.True(ConfigureReportingResponse.TryParse(answer.Frame, out var response));
            Assert.True(response.AllSucceeded, $"cluster 0x{cluster:X4} refused reporting");
        }
    }

    /// <summary>Runs an Overkiz command through the translator and returns everything the device answered.</summary>
    public List<(ushort Cluster, ZclFrame Frame)> Execute(string command, params object[] parameters)
    {
        var radioCommand = new RadioCommand("zigbee://x/y#1", command,
            [.. parameters.Select(p => JsonDocument.Parse(Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)!).RootElement)]);
        var answers = new List<(ushort, ZclFrame)>();
        foreach (var request in ZigbeeCommandTranslator.Translate(Definition.ControllableName, radioCommand, NextSequence))
            answers.AddRange(Send(request.ClusterId, request.Frame));
        return answers;
    }

    /// <summary>The states carried by attribute reports (and zone notifications) among <paramref name="frames"/>.</summary>
    public static Dictionary<string, JsonElement> States(IEnumerable<(ushort Cluster, ZclFrame Frame)> frames, ushort? zoneType = null)
    {
        var states = new Dictionary<string, JsonElement>();
        foreach (var (cluster, frame) in frames)
        {
            IReadOnlyList<DeviceState> decoded = [];
            if (AttributeReport.TryParse(frame, out var report)) decoded = ZigbeeStateTranslator.FromAttributes(cluster, report.Attributes);
            else if (ReadAttributesResponse.TryParse(frame, out var read)) decoded = ZigbeeStateTranslator.FromAttributes(cluster, read.Values);
            else if (zoneType is { } type && ZoneStatusChangeNotification.TryParse(frame, out var zone))
                decoded = ZigbeeStateTranslator.FromZoneStatus(type, (ushort)zone.ZoneStatus);
            foreach (var state in decoded) states[state.Name] = state.Value;
        }
        return states;
    }

    public Dictionary<string, JsonElement> DrainEmittedStates(ushort? zoneType = null)
    {
        var frames = new List<(ushort, ZclFrame)>();
        while (Emitted.TryDequeue(out var message)) frames.Add((message.Cluster, message.Frame));
        return States(frames, zoneType);
    }
}
