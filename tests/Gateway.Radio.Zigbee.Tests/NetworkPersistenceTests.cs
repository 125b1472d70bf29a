using Gateway.Core.Persistence;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Radio.Zigbee.Simulator;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>The network parameters kept in the radio settings store, compared at every start, backed up and restored.</summary>
public class NetworkPersistenceTests
{
    private const ulong OtherIeee = 0x00124B00AABBCCDD;

    [Fact]
    public async Task The_first_network_is_stored_and_the_same_coordinator_matches_it_after_a_restart()
    {
        var settings = new InMemoryRadioSettingsStore();
        var memory = new ZnpCoordinatorMemory();
        await using (var first = await TcpHarness.StartAsync(formed: false, settings: settings, memory: memory))
            await Wait.UntilAsync(() => first.Radio.Ready && first.Radio.StoredNetwork is not null);

        var stored = ZigbeeNetworkBackup.Parse((await settings.GetAsync("zigbee", ZigbeeRadio.NetworkSettingKey, default))!);
        Assert.Equal(memory.Network!.PanId, stored.Parameters.PanId);
        Assert.Equal(memory.Network.NetworkKey, stored.Parameters.NetworkKey);
        Assert.Equal(ZnpCoordinatorSimulator.DefaultIeeeAddress, stored.CoordinatorIeee);

        await using var second = await TcpHarness.StartAsync(formed: false, settings: settings, memory: memory);
        await Wait.UntilAsync(() => second.Radio.Ready);
        Assert.Null(second.Radio.NetworkMismatch);
        Assert.Equal(0, second.Radio.GetDiagnostics().Counters["networkMismatch"]);
        Assert.Equal(StartupResult.RestoredNetworkState, second.Radio.Startup!.Startup);
    }

    [Fact]
    public async Task A_coordinator_running_another_network_is_reported_and_the_stored_network_is_not_overwritten()
    {
        var settings = new InMemoryRadioSettingsStore();
        await using (var first = await TcpHarness.StartAsync(formed: true, settings: settings))
            await Wait.UntilAsync(() => first.Radio.Ready && first.Radio.StoredNetwork is not null);
        var before = await settings.GetAsync("zigbee", ZigbeeRadio.NetworkSettingKey, default);

        await using var other = await TcpHarness.StartAsync(formed: true, settings: settings, memory: ZnpCoordinatorMemory.WithNetwork(OtherIeee), ieee: OtherIeee);
        await Wait.UntilAsync(() => other.Radio.Ready);

        Assert.Contains("PAN ID", other.Radio.NetworkMismatch);
        Assert.Contains("another network key", other.Radio.NetworkMismatch);
        Assert.Equal(1, other.Radio.GetDiagnostics().Counters["networkMismatch"]);
        Assert.Equal(before, await settings.GetAsync("zigbee", ZigbeeRadio.NetworkSettingKey, default));
        Assert.DoesNotContain(other.Simulator!.Received, f => f.Is(MtType.Sreq, MtSubsystem.Sys, SysCommands.OsalNvWriteId));
    }

    [Fact]
    public async Task A_blank_replacement_coordinator_is_formed_with_the_stored_network_and_a_frame_counter_past_the_old_one()
    {
        var settings = new InMemoryRadioSettingsStore();
        var original = ZnpCoordinatorMemory.WithNetwork(ZnpCoordinatorSimulator.DefaultIeeeAddress);
        original.FrameCounter = 123_456;
        await using (var first = await TcpHarness.StartAsync(formed: true, settings: settings, memory: original))
            await Wait.UntilAsync(() => first.Radio.Ready && first.Radio.StoredNetwork is not null);

        var replacement = new ZnpCoordinatorMemory();
        await using var second = await TcpHarness.StartAsync(formed: false, settings: settings, memory: replacement, ieee: OtherIeee);
        await Wait.UntilAsync(() => second.Radio.Ready);

        Assert.Equal(original.Network!.PanId, replacement.Network!.PanId);
        Assert.Equal(original.Network.ExtendedPanId, replacement.Network.ExtendedPanId);
        Assert.Equal(original.Network.Channel, replacement.Network.Channel);
        Assert.Equal(original.Network.NetworkKey, replacement.Network.NetworkKey);
        Assert.Equal(123_456u + ZigbeeNetworkBackup.FrameCounterMargin, replacement.FrameCounter);
        Assert.Null(second.Radio.NetworkMismatch);
        Assert.Equal(OtherIeee, second.Radio.StoredNetwork!.CoordinatorIeee);
    }

    [Fact]
    public async Task A_backup_restored_onto_a_coordinator_running_another_network_re_forms_it_with_the_backup()
    {
        var settings = new InMemoryRadioSettingsStore();
        var source = ZnpCoordinatorMemory.WithNetwork(ZnpCoordinatorSimulator.DefaultIeeeAddress);
        source.FrameCounter = 777;
        string backup;
        await using (var first = await TcpHarness.StartAsync(formed: true, memory: source))
        {
            await Wait.UntilAsync(() => first.Radio.Ready);
            backup = await first.Radio.BackupAsync(default);
        }
        Assert.Contains("\"frame_counter\": 777", backup);

        var target = ZnpCoordinatorMemory.WithNetwork(OtherIeee);
        await using var second = await TcpHarness.StartAsync(formed: true, settings: settings, memory: target, ieee: OtherIeee);
        await Wait.UntilAsync(() => second.Radio.Ready);
        await second.Radio.RestoreAsync(backup, default);
        await Wait.UntilAsync(() => second.Connections == 2 && second.Radio.Ready);

        Assert.Equal(source.Network!.PanId, target.Network!.PanId);
        Assert.Equal(source.Network.NetworkKey, target.Network.NetworkKey);
        Assert.Equal(777u + ZigbeeNetworkBackup.FrameCounterMargin, target.FrameCounter);
        Assert.Null(second.Radio.NetworkMismatch);
        Assert.Equal(1, second.Radio.GetDiagnostics().Counters["restores"]);
        Assert.Equal(source.Network.PanId, ZigbeeNetworkBackup.Parse((await settings.GetAsync("zigbee", ZigbeeRadio.NetworkSettingKey, default))!).Parameters.PanId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"coordinator_ieee":"00124b0018ed3a6b","pan_id":"1a2b","extended_pan_id":"00124b0018ed3a6b","channel":11}""")]
    [InlineData("""{"coordinator_ieee":"00124b0018ed3a6b","pan_id":"1a2b","extended_pan_id":"00124b0018ed3a6b","channel":27,"network_key":{"key":"00112233445566778899aabbccddeeff"}}""")]
    [InlineData("""{"coordinator_ieee":"00124b0018ed3a6b","pan_id":"1a2","extended_pan_id":"00124b0018ed3a6b","channel":11,"network_key":{"key":"00112233445566778899aabbccddeeff"}}""")]
    [InlineData("""{"coordinator_ieee":"00124b0018ed3a6b","pan_id":"1a2b","extended_pan_id":"00124b0018ed3a6b","channel":11,"network_key":{"key":"0011"}}""")]
    public void A_malformed_backup_is_refused_with_the_reason(string text) =>
        Assert.Throws<FormatException>(() => ZigbeeNetworkBackup.Parse(text));

    [Fact]
    public void A_backup_in_the_open_coordinator_format_of_other_tools_is_read()
    {
        const string backup = """
            {"metadata":{"format":"zigpy/open-coordinator-backup","version":1,"source":"zigpy-znp@0.12.0"},
             "coordinator_ieee":"00124b0018ed3a6b","pan_id":"b61a","extended_pan_id":"dd:dd:dd:dd:dd:dd:dd:dd","nwk_update_id":0,
             "security_level":5,"channel":15,"channel_mask":[15],
             "network_key":{"key":"01030507090b0d0f00020406080a0c0d","sequence_number":0,"frame_counter":4213},"devices":[]}
            """;
        var network = ZigbeeNetworkBackup.Parse(backup);
        Assert.Equal(0xB61A, network.Parameters.PanId);
        Assert.Equal(0xDDDDDDDDDDDDDDDDul, network.Parameters.ExtendedPanId);
        Assert.Equal(15, network.Parameters.Channel);
        Assert.Equal(4213u, network.FrameCounter);
        Assert.Equal(0x00124B0018ED3A6Bul, network.CoordinatorIeee);
        var again = ZigbeeNetworkBackup.Parse(ZigbeeNetworkBackup.Write(network, DateTimeOffset.UnixEpoch));
        Assert.True(again.Parameters.SameNetworkAs(network.Parameters));
        Assert.Equal(network.FrameCounter, again.FrameCounter);
    }
}
