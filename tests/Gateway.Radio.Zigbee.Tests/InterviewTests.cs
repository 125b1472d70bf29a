using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Simulator;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Joining devices interviewed over ZDO, retried, persisted; AF data to and from them; removal.</summary>
public class InterviewTests
{
    private const ulong Bulb = 0x00178801086F2A3B;
    // A manufacturer profile: the ZDO interview reads it, the ZCL set-up (Home Automation and Light Link only) leaves it alone.
    private static readonly SimpleDescriptor LightEndpoint = new(11, 0xC2DF, 0x010D, 1, [0x0000, 0x0003, 0x0004, 0x0005, 0x0006, 0x0008, 0x0300], [0x0019]);
    private static readonly SimpleDescriptor GreenPowerEndpoint = new(242, 0xA1E0, 0x0061, 0, [], [0x0021]);

    private static void Quick(ZigbeeRadioOptions o)
    {
        o.ZdoResponseTimeoutSeconds = 0.3;
        o.InterviewRetrySeconds = 0.05;
        o.InterviewAttempts = 3;
        o.AfConfirmTimeoutSeconds = 2;
        o.ZclResponseTimeoutSeconds = 2;
    }

    private static async Task<TcpHarness> OpenNetworkAsync(IRadioSettingsStore settings, ZnpCoordinatorMemory? memory = null)
    {
        var harness = await TcpHarness.StartAsync(formed: true, settings: settings, memory: memory, configure: Quick);
        await Wait.UntilAsync(() => harness.Radio.Ready);
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(60), null), CancellationToken.None);
        return harness;
    }

    [Fact]
    public async Task A_device_that_joins_is_interviewed_and_its_descriptors_are_stored()
    {
        var settings = new InMemoryRadioSettingsStore();
        await using var harness = await OpenNetworkAsync(settings);
        var bulb = new SimulatedNode(Bulb, 0x4A1C, [LightEndpoint, GreenPowerEndpoint]);

        Assert.True(await harness.Simulator!.JoinAsync(bulb));
        await Wait.UntilAsync(() => harness.Radio.Nodes.ContainsKey(Bulb));

        var node = harness.Radio.Nodes[Bulb];
        Assert.Equal(0x4A1C, node.NetworkAddress);
        Assert.Equal(ZigbeeLogicalType.Router, node.LogicalType);
        Assert.True(node.MainsPowered);
        Assert.Equal(0x1135, node.ManufacturerCode);
        Assert.Equal([11, 242], node.Endpoints.Select(e => e.Endpoint));
        Assert.Equal(LightEndpoint.InClusters, node.Endpoints[0].InClusters);
        Assert.Equal(0x010D, node.Endpoints[0].DeviceId);
        await Wait.UntilAsync(() => harness.Radio.GetDiagnostics().Counters["interviewsCompleted"] == 1);
        var stored = NodeInterviewJson.TryParse(Bulb, (await settings.GetAsync("zigbee", "node/00178801086f2a3b", default))!);
        Assert.Equal(node.Endpoints[1].OutClusters, stored!.Endpoints[1].OutClusters);
        Assert.Empty(await settings.ListAsync("zigbee", ZigbeeInterviews.KeyPrefix, default));
    }

    [Fact]
    public async Task A_device_that_misses_interview_requests_is_retried_until_it_answers()
    {
        await using var harness = await OpenNetworkAsync(new InMemoryRadioSettingsStore());
        var sleepy = new SimulatedNode(Bulb, 0x1234, [LightEndpoint]) { IgnoreInterviewRequests = 2 };

        Assert.True(await harness.Simulator!.JoinAsync(sleepy));
        await Wait.UntilAsync(() => harness.Radio.Nodes.ContainsKey(Bulb));

        var counters = harness.Radio.GetDiagnostics().Counters;
        Assert.Equal(2, counters["interviewRetries"]);
        Assert.Equal(0, counters["interviewsFailed"]);
    }

    [Fact]
    public async Task A_device_that_never_answers_is_reported_as_failed_after_its_attempts()
    {
        var settings = new InMemoryRadioSettingsStore();
        await using var harness = await OpenNetworkAsync(settings);
        var gone = new SimulatedNode(Bulb, 0x1234, [LightEndpoint]) { Unreachable = true };

        Assert.True(await harness.Simulator!.JoinAsync(gone));
        await Wait.UntilAsync(() => harness.Radio.FailedInterviews.ContainsKey(Bulb));

        Assert.Contains("node descriptor", harness.Radio.FailedInterviews[Bulb]);
        Assert.Equal(3, gone.InterviewRequests);
        Assert.Equal(1, harness.Radio.GetDiagnostics().Counters["interviewsFailed"]);
        Assert.False(harness.Radio.Nodes.ContainsKey(Bulb));
        Assert.StartsWith("1234;3;", await settings.GetAsync("zigbee", "interview/00178801086f2a3b", default));
    }

    [Fact]
    public async Task A_pending_interview_is_resumed_after_a_restart_without_the_device_announcing_again()
    {
        var settings = new InMemoryRadioSettingsStore();
        var memory = ZnpCoordinatorMemory.WithNetwork(ZnpCoordinatorSimulator.DefaultIeeeAddress);
        var device = new SimulatedNode(Bulb, 0x1234, [LightEndpoint]) { IgnoreInterviewRequests = 1000 };
        await using (var first = await OpenNetworkAsync(settings, memory))
        {
            Assert.True(await first.Simulator!.JoinAsync(device));
            await Wait.UntilAsync(() => first.Radio.GetDiagnostics().Counters["interviewRetries"] >= 1);
        }
        Assert.Single(await settings.ListAsync("zigbee", ZigbeeInterviews.KeyPrefix, default));

        device.IgnoreInterviewRequests = 0;
        await using var second = await TcpHarness.StartAsync(formed: true, settings: settings, memory: memory, configure: Quick);
        await Wait.UntilAsync(() => second.Radio.Nodes.ContainsKey(Bulb));
        Assert.Equal(0, second.Radio.GetDiagnostics().Counters["announcements"]);
    }

    [Fact]
    public async Task An_interviewed_device_is_not_interviewed_again_after_a_restart_and_a_new_address_is_kept()
    {
        var settings = new InMemoryRadioSettingsStore();
        var memory = ZnpCoordinatorMemory.WithNetwork(ZnpCoordinatorSimulator.DefaultIeeeAddress);
        var device = new SimulatedNode(Bulb, 0x1234, [LightEndpoint]);
        await using (var first = await OpenNetworkAsync(settings, memory))
        {
            Assert.True(await first.Simulator!.JoinAsync(device));
            await Wait.UntilAsync(() => first.Radio.Nodes.ContainsKey(Bulb));
        }
        var requests = device.InterviewRequests;

        await using var second = await OpenNetworkAsync(settings, memory);
        Assert.True(second.Radio.Nodes.ContainsKey(Bulb));
        memory.Nodes.TryRemove(0x1234, out _);
        device.NetworkAddress = 0x5678;
        Assert.True(await second.Simulator!.JoinAsync(device));
        await Wait.UntilAsync(() => second.Radio.Nodes[Bulb].NetworkAddress == 0x5678);
        Assert.Equal(requests, device.InterviewRequests);
    }

    [Fact]
    public async Task Application_frames_reach_the_device_and_its_answers_reach_the_handler_of_that_endpoint_and_cluster()
    {
        await using var harness = await OpenNetworkAsync(new InMemoryRadioSettingsStore());
        var bulb = new SimulatedNode(Bulb, 0x4A1C, [LightEndpoint]) { ApplicationHandler = (_, cluster, payload) => [(cluster, [0x18, payload[1], 0x0B, payload[2], 0x00])] };
        Assert.True(await harness.Simulator!.JoinAsync(bulb));
        await Wait.UntilAsync(() => harness.Radio.Nodes.ContainsKey(Bulb));
        var answers = new List<IncomingMessage>();
        using var _ = harness.Radio.OnMessage(Bulb, 11, 0x0006, m => { lock (answers) answers.Add(m); });

        await harness.Radio.SendAsync(Bulb, 11, 0x0006, [0x01, 0x2A, 0x01], CancellationToken.None);

        Assert.Equal((11, (ushort)0x0006), (bulb.ApplicationFrames.Single().Endpoint, bulb.ApplicationFrames.Single().Cluster));
        await Wait.UntilAsync(() => { lock (answers) return answers.Count == 1; });
        Assert.Equal([0x18, 0x2A, 0x0B, 0x01, 0x00], answers[0].Payload);

        bulb.Unreachable = true;
        var lost = await Assert.ThrowsAsync<ZigbeeDeliveryException>(() => harness.Radio.SendAsync(Bulb, 11, 0x0006, [0x01, 0x2B, 0x00], CancellationToken.None));
        Assert.Equal(0xE9, lost.Status);
    }

    [Fact]
    public async Task A_removed_device_is_asked_to_leave_and_forgotten()
    {
        var settings = new InMemoryRadioSettingsStore();
        await using var harness = await OpenNetworkAsync(settings);
        var bulb = new SimulatedNode(Bulb, 0x4A1C, [LightEndpoint]);
        Assert.True(await harness.Simulator!.JoinAsync(bulb));
        await Wait.UntilAsync(() => harness.Radio.Nodes.ContainsKey(Bulb));

        await harness.Radio.RemoveDeviceAsync(Bulb, CancellationToken.None);

        Assert.False(harness.Radio.Nodes.ContainsKey(Bulb));
        Assert.Empty(harness.Simulator.Nodes);
        Assert.Null(await settings.GetAsync("zigbee", "node/00178801086f2a3b", default));
    }
}
