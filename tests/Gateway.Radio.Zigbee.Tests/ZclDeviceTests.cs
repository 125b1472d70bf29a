using Gateway.Core.Model;
using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Simulated ZCL devices paired through the radio: created, driven, reporting.</summary>
public class ZclDeviceTests
{
    private const ulong BulbIeee = 0x000B57FFFE3A1C2D;
    private const ulong ThermometerIeee = 0x00158D0001A2B3C4;

    private static async Task<TcpHarness> OpenNetworkAsync()
    {
        var harness = await TcpHarness.StartAsync(formed: true, settings: new InMemoryRadioSettingsStore(),
            configure: o => { o.ZclResponseTimeoutSeconds = 2; o.ZdoResponseTimeoutSeconds = 2; o.InterviewRetrySeconds = 0.05; });
        await Wait.UntilAsync(() => harness.Radio.Ready);
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(60), null), CancellationToken.None);
        return harness;
    }

    private static async Task<List<DeviceReport>> ReadUntilAsync(ZigbeeRadio radio, List<DeviceReport> seen, Func<List<DeviceReport>, bool> done)
    {
        using var patience = new CancellationTokenSource(Wait.Patience);
        while (!done(seen)) seen.Add(await radio.Reports.ReadAsync(patience.Token));
        return seen;
    }

    [Fact]
    public async Task A_bulb_that_joins_is_created_dimmed_and_reports_its_level()
    {
        await using var harness = await OpenNetworkAsync();
        var bulb = new SimulatedBulb(BulbIeee, 0x1A2B);
        Assert.True(await harness.Simulator!.JoinAsync(ZclNode.For(bulb, harness.Simulator)));
        var address = ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint);
        var reports = await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));

        var created = reports.OfType<DeviceDiscovered>().Single(d => d.Address == address);
        Assert.Equal("000B57FFFE3A1C2D#1", address);
        Assert.StartsWith("zigbee:", created.ControllableName);
        Assert.Contains("TRADFRI", created.Label);
        Assert.Equal("IKEA of Sweden", created.Attributes.Single(a => a.Name == "core:Manufacturer").Value.GetString());
        Assert.NotNull(bulb.Reporting(SimulatedBulb.Endpoint, 0x0008, 0x0000));

        await harness.Radio.ExecuteAsync(new RadioCommand(address, "setIntensity", [JsonSerializer.SerializeToElement(40)]), null!, CancellationToken.None);
        Assert.InRange(bulb.Level, 100, 103);
        await ReadUntilAsync(harness.Radio, reports, r => r.OfType<StatesReported>().Any(s => s.Address == address
            && s.States.Any(x => x.Name == CoreStateNames.LightIntensity && x.Value.GetInt32() == 40)));

        await harness.Radio.ExecuteAsync(new RadioCommand(address, "off", []), null!, CancellationToken.None);
        Assert.False(bulb.IsOn);
    }

    [Fact]
    public async Task A_thermometer_reports_its_temperature_as_a_state()
    {
        await using var harness = await OpenNetworkAsync();
        var thermometer = new SimulatedThermometer(ThermometerIeee, 0x3C4D);
        Assert.True(await harness.Simulator!.JoinAsync(ZclNode.For(thermometer, harness.Simulator)));
        var address = ZigbeeRadio.AddressOf(ThermometerIeee, SimulatedThermometer.Endpoint);
        var reports = await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));

        thermometer.SetTemperature(23.4);
        await ReadUntilAsync(harness.Radio, reports, r => r.OfType<StatesReported>().Any(s => s.Address == address
            && s.States.Any(x => x.Name == CoreStateNames.Temperature && Math.Abs(x.Value.GetDouble() - 23.4) < 0.01)));
    }

    [Fact]
    public async Task A_command_to_a_device_out_of_reach_fails_with_no_answer_and_an_unknown_device_is_refused()
    {
        await using var harness = await OpenNetworkAsync();
        var bulb = new SimulatedBulb(BulbIeee, 0x1A2B);
        var node = ZclNode.For(bulb, harness.Simulator!);
        Assert.True(await harness.Simulator!.JoinAsync(node));
        var address = ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint);
        await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));

        node.Unreachable = true;
        var lost = await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(new RadioCommand(address, "on", []), null!, CancellationToken.None));
        Assert.Equal(FailureType.ActuatorNoAnswer, lost.FailureType);

        var unknown = await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(new RadioCommand("00124B0002F641F9#1", "on", []), null!, CancellationToken.None));
        Assert.Equal(FailureType.ActuatorUnknown, unknown.FailureType);
    }
}
