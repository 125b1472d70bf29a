using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Serial;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>The radio's start-up and pairing against the simulated coordinator.</summary>
public class ZigbeeRadioTests
{
    [Fact]
    public async Task An_empty_coordinator_on_a_serial_port_forms_a_network_on_the_configured_channel_and_starts()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var simulator = new ZnpCoordinatorSimulator(ByteTransports.Create(pair.PathB, 115200));
        await simulator.StartAsync(CancellationToken.None);
        await using var radio = new ZigbeeRadio(new ZigbeeRadioOptions { Port = pair.PathA, Channel = 15 }, TimeProvider.System, NullLogger<ZigbeeRadio>.Instance);
        await radio.StartAsync(RadioStartContext.Empty, CancellationToken.None);
        await Wait.UntilAsync(() => radio.Ready);

        var formed = radio.Startup!.FormedWith;
        Assert.NotNull(formed);
        Assert.Equal(StartupResult.NewNetworkState, radio.Startup.Startup);
        Assert.Equal(simulator.IeeeAddress, radio.Startup.IeeeAddress);
        Assert.Equal(formed.PanId, BinaryPrimitives.ReadUInt16LittleEndian(simulator.NvItem(NvIds.PanId)));
        Assert.Equal(1u << 15, BinaryPrimitives.ReadUInt32LittleEndian(simulator.NvItem(NvIds.ChannelList)));
        Assert.Equal(formed.NetworkKey, simulator.NvItem(NvIds.PreconfiguredKey)!);
        Assert.Equal([ZnpStartup.ConfiguredMarker], simulator.NvItem(NvIds.HasConfiguredZStack3)!);
        Assert.Equal([ZnpStartup.GatewayEndpoint], simulator.RegisteredEndpoints);
        Assert.Equal(ZdoState.Coordinator, simulator.State);
        Assert.Equal(1, simulator.Resets);
        var diagnostics = radio.GetDiagnostics();
        Assert.True(diagnostics.Running);
        Assert.Equal(1, diagnostics.Counters["startups"]);
    }

    [Fact]
    public async Task A_coordinator_that_holds_a_network_is_resumed_without_rewriting_it()
    {
        await using var harness = await TcpHarness.StartAsync(formed: true);
        await Wait.UntilAsync(() => harness.Radio.Ready);
        Assert.Null(harness.Radio.Startup!.FormedWith);
        Assert.Equal(StartupResult.RestoredNetworkState, harness.Radio.Startup.Startup);
        Assert.DoesNotContain(harness.Simulator!.Received, f => f.Is(MtType.Sreq, MtSubsystem.Sys, SysCommands.OsalNvWriteId));
    }

    [Fact]
    public async Task Pairing_opens_the_network_notes_announced_devices_and_closes_it_again()
    {
        await using var harness = await TcpHarness.StartAsync(formed: true);
        await Wait.UntilAsync(() => harness.Radio.Ready);
        var simulator = harness.Simulator!;

        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(60), null), CancellationToken.None);
        Assert.True(simulator.PermittingJoins);
        var permit = simulator.Received.Last(f => f.Is(MtType.Sreq, MtSubsystem.Zdo, ZdoCommands.MgmtPermitJoinReqId));
        Assert.Equal(60, permit.Data[3]);
        Assert.True(harness.Radio.GetDiagnostics().PairingMode);
        Assert.Equal(new PairingModeReported(true, false), await harness.Radio.Reports.ReadAsync());
        Assert.Equal(new NetworkOperationReported(IRadioNetworkManagement.JoinNetwork, true), await harness.Radio.Reports.ReadAsync());

        Assert.True(await simulator.JoinAsync(0x00124B0002F641F9, 0x2F2A));
        await Wait.UntilAsync(() => harness.Radio.AnnouncedDevices.ContainsKey(0x00124B0002F641F9));
        Assert.Equal(0x2F2A, harness.Radio.AnnouncedDevices[0x00124B0002F641F9]);

        await harness.Radio.StopPairingAsync(CancellationToken.None);
        Assert.False(simulator.PermittingJoins);
        Assert.Equal(new PairingModeReported(false, false), await harness.Radio.Reports.ReadAsync());
        Assert.False(await simulator.JoinAsync(0x00124B0000000001, 0x1234));
    }

    [Fact]
    public async Task A_coordinator_that_stops_answering_is_reset_and_its_network_resumed_on_a_new_connection()
    {
        await using var harness = await TcpHarness.StartAsync(formed: true, srspTimeoutSeconds: 0.3);
        await Wait.UntilAsync(() => harness.Radio.Ready);
        var wedged = harness.Simulator!;
        wedged.Silent = true;

        await Assert.ThrowsAsync<ZnpTimeoutException>(() => harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(60), null), CancellationToken.None));
        await Wait.UntilAsync(() => harness.Connections == 2 && harness.Radio.Ready);

        var fresh = harness.Simulator!;
        Assert.NotSame(wedged, fresh);
        Assert.Equal(1, fresh.Resets);
        Assert.Equal(StartupResult.RestoredNetworkState, harness.Radio.Startup!.Startup);
        var counters = harness.Radio.GetDiagnostics().Counters;
        Assert.Equal(1, counters["wedgedRestarts"]);
        Assert.Equal(1, counters["srspTimeouts"]);
        Assert.Equal(2, counters["startups"]);
    }

    [Fact]
    public async Task The_watchdog_pings_a_quiet_coordinator_and_leaves_a_healthy_one_alone()
    {
        await using var harness = await TcpHarness.StartAsync(formed: true, watchdogSeconds: 0.1);
        await Wait.UntilAsync(() => harness.Radio.GetDiagnostics().Counters["watchdogPings"] >= 3);
        Assert.Equal(0, harness.Radio.GetDiagnostics().Counters["wedgedRestarts"]);
        Assert.Equal(1, harness.Connections);
        Assert.Contains(harness.Simulator!.Received, f => f.Is(MtType.Sreq, MtSubsystem.Sys, SysCommands.PingId));
    }

    [Fact]
    public async Task A_coordinator_that_stops_answering_the_watchdog_is_reset_and_resumes_the_same_network()
    {
        await using var harness = await TcpHarness.StartAsync(formed: true, srspTimeoutSeconds: 0.3, watchdogSeconds: 0.1);
        await Wait.UntilAsync(() => harness.Radio.Ready);
        var before = harness.Radio.Startup!.Network!;
        harness.Simulator!.Silent = true;

        await Wait.UntilAsync(() => harness.Connections == 2 && harness.Radio.Ready);

        var after = harness.Radio.Startup!.Network!;
        Assert.Equal(StartupResult.RestoredNetworkState, harness.Radio.Startup.Startup);
        Assert.True(after.Parameters.SameNetworkAs(before.Parameters));
        Assert.Equal(1, harness.Radio.GetDiagnostics().Counters["wedgedRestarts"]);
        Assert.DoesNotContain(harness.Simulator!.Received, f => f.Is(MtType.Sreq, MtSubsystem.Sys, SysCommands.OsalNvWriteId));
    }

    [Fact]
    public async Task Pairing_before_the_coordinator_is_ready_is_refused()
    {
        await using var radio = new ZigbeeRadio(new ZigbeeRadioOptions { Port = "tcp://127.0.0.1:1" }, TimeProvider.System, NullLogger<ZigbeeRadio>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(10), null), CancellationToken.None));
    }

    [Fact]
    public async Task Commands_are_refused_with_a_failure_type_until_devices_can_be_driven()
    {
        await using var radio = new ZigbeeRadio(new ZigbeeRadioOptions { Port = "tcp://127.0.0.1:1" }, TimeProvider.System, NullLogger<ZigbeeRadio>.Instance);
        var refused = await Assert.ThrowsAsync<RadioCommandException>(() => radio.ExecuteAsync(
            new RadioCommand("zigbee://x/00124B0002F641F9#1", "on", []), null!, CancellationToken.None));
        Assert.Equal(Gateway.Core.Executions.FailureType.ActuatorUnknown, refused.FailureType);
    }
}
