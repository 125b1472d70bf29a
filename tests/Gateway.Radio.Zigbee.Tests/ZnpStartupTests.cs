using Gateway.Radio.Zigbee.Protocol.Commands;
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
    public async Task A_coordinator_that_never_reports_its_reset_fails_the_start_up_with_a_timeout()
    {
        await using var link = await Link.OverTcpAsync();
        link.Simulator.Silent = true;
        var startup = new ZnpStartup(link.Session, new ZigbeeRadioOptions(), NullLogger.Instance) { ResetTimeout = TimeSpan.FromMilliseconds(200) };
        var timeout = await Assert.ThrowsAsync<ZnpTimeoutException>(() => startup.RunAsync(link.Cancel));
        Assert.Contains("SYS_RESET_IND", timeout.Message);
    }
}
