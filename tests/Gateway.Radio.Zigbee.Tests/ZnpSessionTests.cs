using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Serial;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>The transaction layer against the simulated coordinator over a real pseudo-terminal pair and over TCP.</summary>
public class ZnpSessionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ping_and_version_are_answered_over_a_pseudo_terminal()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var link = await Link.OverPtyAsync(pair);
        var ping = await link.Session.RequestAsync(SysCommands.Ping(), link.Cancel);
        Assert.Equal(ZnpCoordinatorSimulator.Capabilities, SysCommands.ParsePingCapabilities(ping));
        var version = VersionResponse.TryParse(await link.Session.RequestAsync(SysCommands.Version(), link.Cancel));
        Assert.Equal(ZStackProduct.ZStack3x0, version!.Product);
        Assert.Equal(2, link.Counters.Snapshot()["framesSent"]);
    }

    [Fact]
    public async Task Reset_is_confirmed_by_the_reset_indication_over_tcp()
    {
        await using var link = await Link.OverTcpAsync();
        var indication = link.Session.WaitForAsync(f => ResetIndication.TryParse(f) is not null, "SYS_RESET_IND", Patience, link.Cancel);
        await link.Session.SendAsync(SysCommands.ResetRequest(ResetType.Soft), link.Cancel);
        Assert.Equal(ResetReason.External, ResetIndication.TryParse(await indication)!.Reason);
        Assert.Equal(1, link.Simulator.Resets);
    }

    [Fact]
    public async Task Startup_reports_the_coordinator_state_to_subscribers()
    {
        await using var link = await Link.OverTcpAsync();
        var states = new List<ZdoState>();
        using var _ = link.Session.Subscribe(f => { if (ZdoCommands.ParseStateChange(f) is { } s) lock (states) states.Add(s); });
        var coordinator = link.Session.WaitForAsync(f => ZdoCommands.ParseStateChange(f) == ZdoState.Coordinator, "coordinator state", Patience, link.Cancel);
        var result = ZdoCommands.ParseStartupResult(await link.Session.RequestAsync(ZdoCommands.StartupFromApp(), link.Cancel));
        Assert.Equal(StartupResult.NewNetworkState, result);
        await coordinator;
        lock (states) Assert.Equal([ZdoState.CoordinatorStarting, ZdoState.Coordinator], states);
        Assert.True(link.Simulator.Formed);
    }

    [Fact]
    public async Task A_silent_coordinator_times_out_with_a_typed_exception_and_is_counted()
    {
        await using var link = await Link.OverTcpAsync(srspTimeout: TimeSpan.FromMilliseconds(300));
        link.Simulator.Silent = true;
        var timeout = await Assert.ThrowsAsync<ZnpTimeoutException>(() => link.Session.RequestAsync(SysCommands.Ping(), link.Cancel));
        Assert.Equal(SysCommands.PingId, timeout.Request!.Command);
        Assert.Equal(1, link.Counters.Snapshot()["srspTimeouts"]);

        // Once it answers again, the next request goes through: one timeout does not poison the session.
        link.Simulator.Silent = false;
        await link.Session.RequestAsync(SysCommands.Ping(), link.Cancel);
    }

    [Fact]
    public async Task A_lost_srsp_times_out_and_a_late_one_is_counted_unexpected()
    {
        await using var link = await Link.OverTcpAsync(srspTimeout: TimeSpan.FromMilliseconds(300));
        link.Simulator.DropNextResponses(1);
        await Assert.ThrowsAsync<ZnpTimeoutException>(() => link.Session.RequestAsync(SysCommands.Version(), link.Cancel));

        await link.Simulator.EmitAsync(SysCommands.PingResponse(1));
        await WaitUntilAsync(() => link.Counters.Snapshot()["unexpectedResponses"] == 1);
        await link.Session.RequestAsync(SysCommands.Version(), link.Cancel);
    }

    [Fact]
    public async Task An_unknown_command_is_rejected_with_an_rpc_error()
    {
        await using var link = await Link.OverTcpAsync();
        var error = await Assert.ThrowsAsync<ZnpRpcErrorException>(() => link.Session.RequestAsync(new MtFrame(MtType.Sreq, MtSubsystem.Debug, 0x7F, []), link.Cancel));
        Assert.Equal(2, error.ErrorCode);
        Assert.Equal(1, link.Counters.Snapshot()["rpcErrors"]);
    }

    [Fact]
    public async Task Requests_from_many_callers_are_serialised_and_each_gets_its_own_answer()
    {
        await using var link = await Link.OverTcpAsync();
        link.Simulator.ResponseDelay = TimeSpan.FromMilliseconds(5);
        var requests = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? link.Session.RequestAsync(SysCommands.Ping(), link.Cancel)
            : link.Session.RequestAsync(SysCommands.Version(), link.Cancel)).ToArray();
        var answers = await Task.WhenAll(requests);
        for (var i = 0; i < answers.Length; i++) Assert.Equal(i % 2 == 0 ? SysCommands.PingId : SysCommands.VersionId, answers[i].Command);
    }

    [Fact]
    public async Task Garbage_on_the_pty_line_is_skipped_and_the_announcement_behind_it_arrives()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var link = await Link.OverPtyAsync(pair);
        var announced = link.Session.WaitForAsync(f => EndDeviceAnnouncement.TryParse(f) is not null, "announcement", Patience, link.Cancel);
        await link.Simulator.EmitBytesAsync([0x13, 0xFE, 0x01, 0x45, 0xC0, 0x09, 0x00, 0x37], chunk: 3);
        var announcement = new EndDeviceAnnouncement(0x2F2A, 0x2F2A, 0x00124B0002F641F9, 0x80);
        await link.Simulator.EmitAsync(announcement.ToFrame());
        Assert.Equal(announcement, EndDeviceAnnouncement.TryParse(await announced));
        var counters = link.Counters.Snapshot();
        Assert.True(counters["bytesDiscarded"] > 0);
        Assert.Equal(1, counters["fcsErrors"]);
    }

    [Fact]
    public async Task A_missing_indication_times_out()
    {
        await using var link = await Link.OverTcpAsync();
        await Assert.ThrowsAsync<ZnpTimeoutException>(() => link.Session.WaitForAsync(_ => false, "nothing", TimeSpan.FromMilliseconds(100), link.Cancel));
        Assert.Equal(1, link.Counters.Snapshot()["areqTimeouts"]);
    }

    [Fact]
    public async Task Waiters_fail_when_the_link_is_lost()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var link = await Link.OverPtyAsync(pair);
        var waiting = link.Session.WaitForAsync(_ => false, "nothing", Patience, link.Cancel);
        await pair.UnplugAsync();
        await Assert.ThrowsAsync<TransportException>(() => waiting);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never became true");
            await Task.Delay(10);
        }
    }
}
