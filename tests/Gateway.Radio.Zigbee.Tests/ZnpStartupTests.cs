using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Radio.Zigbee.Tests;

public class ZnpStartupTests
{
    [Fact]
    public async Task A_second_start_up_resumes_the_network_the_first_formed()
    {
        await using var link = await Link.OverTcpAsync();
        var startup = new ZnpStartup(link.Session, new ZigbeeRadioOptions { Channel = 25 }, NullLogger.Instance);

        var first = await startup.RunAsync(link.Cancel);
        Assert.Equal(StartupResult.NewNetworkState, first.Startup);
        var panId = link.Simulator.NvItem(NvIds.PanId);

        var second = await startup.RunAsync(link.Cancel);
        Assert.Equal(StartupResult.RestoredNetworkState, second.Startup);
        Assert.Null(second.FormedWith);
        Assert.Equal(panId, link.Simulator.NvItem(NvIds.PanId));
        Assert.Equal(2, link.Simulator.Resets);
    }

    [Fact]
    public async Task A_blank_Z_Stack_3_coordinator_forms_through_BDB_commissioning_on_the_configured_channel()
    {
        await using var link = await Link.OverTcpAsync();
        var result = await new ZnpStartup(link.Session, new ZigbeeRadioOptions { Channel = 20 }, NullLogger.Instance).RunAsync(link.Cancel);

        var setChannel = link.Simulator.Received.First(f => f.Is(MtType.Sreq, MtSubsystem.AppConfig, AppConfigCommands.BdbSetChannelId));
        Assert.Equal([0x01, .. BitConverter.GetBytes(1u << 20)], setChannel.Data);
        var commissioning = link.Simulator.Received.Single(f => f.Is(MtType.Sreq, MtSubsystem.AppConfig, AppConfigCommands.BdbStartCommissioningId));
        Assert.Equal([(byte)BdbCommissioningMode.NetworkFormation], commissioning.Data);
        Assert.DoesNotContain(link.Simulator.Received, f => f.Is(MtType.Sreq, MtSubsystem.Zdo, ZdoCommands.StartupFromAppId));

        Assert.Equal(StartupResult.NewNetworkState, result.Startup);
        var network = result.Network!;
        var simulated = link.Simulator.Memory.Network!;
        Assert.Equal(20, network.Parameters.Channel);
        Assert.Equal(simulated.PanId, network.Parameters.PanId);
        Assert.Equal(result.FormedWith!.PanId, network.Parameters.PanId);
        Assert.Equal(result.FormedWith.ExtendedPanId, network.Parameters.ExtendedPanId);
        Assert.Equal(result.FormedWith.NetworkKey, network.Parameters.NetworkKey);
        Assert.Equal(link.Simulator.IeeeAddress, network.CoordinatorIeee);
        Assert.Equal(0u, network.FrameCounter);
    }

    [Fact]
    public async Task Two_formations_pick_different_pan_ids_and_keys()
    {
        await using var first = await Link.OverTcpAsync();
        await using var second = await Link.OverTcpAsync();
        var a = (await new ZnpStartup(first.Session, new ZigbeeRadioOptions(), NullLogger.Instance).RunAsync(first.Cancel)).Network!.Parameters;
        var b = (await new ZnpStartup(second.Session, new ZigbeeRadioOptions(), NullLogger.Instance).RunAsync(second.Cancel)).Network!.Parameters;
        Assert.False(a.NetworkKey.AsSpan().SequenceEqual(b.NetworkKey));
        Assert.NotEqual(a.ExtendedPanId, b.ExtendedPanId);
    }

    [Fact]
    public async Task A_Z_Stack_1_2_coordinator_starts_with_ZDO_STARTUP_FROM_APP_instead_of_BDB()
    {
        await using var link = await Link.OverTcpAsync(version: new VersionResponse(2, ZStackProduct.ZStack12, 2, 6, 3, 20190608));
        var result = await new ZnpStartup(link.Session, new ZigbeeRadioOptions(), NullLogger.Instance).RunAsync(link.Cancel);
        Assert.Equal(StartupResult.NewNetworkState, result.Startup);
        Assert.Contains(link.Simulator.Received, f => f.Is(MtType.Sreq, MtSubsystem.Zdo, ZdoCommands.StartupFromAppId));
        Assert.DoesNotContain(link.Simulator.Received, f => f.Subsystem == MtSubsystem.AppConfig);
    }

    [Fact]
    public async Task A_coordinator_that_never_reports_its_reset_fails_the_start_up_with_a_timeout()
    {
        await using var link = await Link.OverTcpAsync();
        link.Simulator.Silent = true;
        var startup = new ZnpStartup(link.Session, new ZigbeeRadioOptions(), NullLogger.Instance) { ResetTimeout = TimeSpan.FromMilliseconds(200) };
        var timeout = await Assert.ThrowsAsync<ZnpTimeoutException>(() => startup.RunAsync(link.Cancel));
        Assert.Contains("SYS_RESET_IND", timeout.Message);
    }
}
