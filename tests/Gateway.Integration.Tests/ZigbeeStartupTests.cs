using Gateway.Radio.Zigbee;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>The real daemon with <c>--Gateway:Radios:Zigbee:Port</c> on one end of a pty pair, a simulated ZNP coordinator on the other.</summary>
public class ZigbeeStartupTests
{
    [Fact]
    public async Task The_daemon_forms_a_network_on_an_empty_coordinator_and_starts_it_as_coordinator()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200));
        await coordinator.StartAsync(default);
        await using var daemon = await DaemonProcess.StartAsync(DaemonProcess.NewDataDirectory(), $"--Gateway:Radios:Zigbee:Port={pty.PathA}", "--Gateway:Radios:Zigbee:Channel=20");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(coordinator.State == ZdoState.Coordinator && coordinator.RegisteredEndpoints.Count == 1) && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(ZdoState.Coordinator, coordinator.State);
        Assert.Equal([ZnpStartup.GatewayEndpoint], coordinator.RegisteredEndpoints);
        Assert.True(coordinator.Formed);
        Assert.Equal(BitConverter.GetBytes(1u << 20), coordinator.NvItem(NvIds.ChannelList));
    }
}
