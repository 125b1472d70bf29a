using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Link quality and availability through the radio, with a simulated bulb.</summary>
public class AvailabilityTests
{
    private const ulong BulbIeee = 0x000B57FFFE3A1C2D;

    private static async Task<List<DeviceReport>> ReadUntilAsync(ZigbeeRadio radio, List<DeviceReport> seen, Func<List<DeviceReport>, bool> done)
    {
        using var patience = new CancellationTokenSource(Wait.Patience);
        while (!done(seen)) seen.Add(await radio.Reports.ReadAsync(patience.Token));
        return seen;
    }

    [Fact]
    public async Task A_silent_mains_device_that_misses_its_ping_is_unavailable_until_heard_again_and_shows_its_link_quality()
    {
        await using var harness = await TcpHarness.StartAsync(formed: true, settings: new InMemoryRadioSettingsStore(), configure: o =>
        {
            o.ZclResponseTimeoutSeconds = 1;
            o.ZdoResponseTimeoutSeconds = 2;
            o.AvailabilityCheckSeconds = 0.1;
            o.MainsSilenceSeconds = 0.3;
        });
        await Wait.UntilAsync(() => harness.Radio.Ready);
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(60), null), CancellationToken.None);
        var bulb = new SimulatedBulb(BulbIeee, 0x1A2B);
        var node = ZclNode.For(bulb, harness.Simulator!);
        Assert.True(await harness.Simulator!.JoinAsync(node));
        var address = ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint);
        var reports = await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));

        // The simulator's messages arrive with link quality 200 of 255.
        await ReadUntilAsync(harness.Radio, reports, r => r.OfType<StatesReported>().Any(s => s.Address == address
            && s.States.Any(x => x.Name == CoreStateNames.RssiLevel && x.Value.GetInt32() == 78)));

        node.Unreachable = true;
        await ReadUntilAsync(harness.Radio, reports, r => r.OfType<AvailabilityReported>().Any(a => a.Address == address && !a.Available));
        Assert.True(harness.Radio.GetDiagnostics().Counters["devicesLost"] >= 1);

        node.Unreachable = false;
        await harness.Radio.ExecuteAsync(new RadioCommand(address, "on", []), null!, CancellationToken.None);
        await ReadUntilAsync(harness.Radio, reports, r => r.OfType<AvailabilityReported>().Any(a => a.Address == address && a.Available));
    }
}
