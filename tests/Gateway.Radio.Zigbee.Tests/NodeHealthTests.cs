using Gateway.TestSupport;
using Gateway.Radio.Zigbee.Tests.Simulator;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Availability and link quality bookkeeping, on a clock that moves only when told.</summary>
public class NodeHealthTests
{
    private const ulong Bulb = 0x000B57FFFE3A1C2D, Sensor = 0x00158D000223A4B5;
    private static readonly TimeSpan MainsSilence = TimeSpan.FromMinutes(10), BatterySilence = TimeSpan.FromHours(12);

    private static (ManualClock Clock, ZigbeeNodeHealth Health) Track()
    {
        var clock = new ManualClock();
        var health = new ZigbeeNodeHealth(clock, MainsSilence, BatterySilence);
        health.Track(Bulb, mainsPowered: true);
        health.Track(Sensor, mainsPowered: false);
        return (clock, health);
    }

    [Fact]
    public void A_mains_device_silent_past_the_interval_is_due_a_ping_and_a_battery_one_is_not_yet_lost()
    {
        var (clock, health) = Track();
        Assert.Empty(health.Due().ToPing);

        clock.Advance(MainsSilence);
        var (toPing, lost) = health.Due();
        Assert.Equal([Bulb], toPing);
        Assert.Empty(lost);
    }

    [Fact]
    public void A_device_heard_recently_is_not_pinged()
    {
        var (clock, health) = Track();
        clock.Advance(MainsSilence - TimeSpan.FromMinutes(1));
        Assert.False(health.Heard(Bulb));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(health.Due().ToPing);
    }

    [Fact]
    public void A_battery_device_silent_past_its_reporting_interval_is_lost_once_and_is_back_when_heard()
    {
        var (clock, health) = Track();
        clock.Advance(BatterySilence - TimeSpan.FromSeconds(1));
        health.Heard(Bulb);
        Assert.Empty(health.Due().Lost);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([Sensor], health.Due().Lost);
        Assert.True(health.MarkLost(Sensor));
        Assert.False(health.MarkLost(Sensor));
        Assert.False(health.IsAvailable(Sensor));
        Assert.Empty(health.Due().Lost);

        Assert.True(health.Heard(Sensor));
        Assert.True(health.IsAvailable(Sensor));
        Assert.False(health.Heard(Sensor));
    }

    [Fact]
    public void A_lost_mains_device_is_not_pinged_again_until_heard()
    {
        var (clock, health) = Track();
        clock.Advance(MainsSilence);
        Assert.True(health.MarkLost(Bulb));
        Assert.Empty(health.Due().ToPing);
    }

    [Fact]
    public void Link_quality_is_reported_first_and_then_only_when_it_moves_by_a_step()
    {
        var (_, health) = Track();
        Assert.Equal(78, health.LinkQualityToReport(Bulb, 200));
        Assert.Null(health.LinkQualityToReport(Bulb, 190));
        Assert.Equal(67, health.LinkQualityToReport(Bulb, 170));
        Assert.Null(health.LinkQualityToReport(0x1234, 170));
    }

    [Fact]
    public void A_forgotten_device_is_neither_pinged_nor_lost()
    {
        var (clock, health) = Track();
        health.Forget(Bulb);
        health.Forget(Sensor);
        clock.Advance(BatterySilence);
        var (toPing, lost) = health.Due();
        Assert.Empty(toPing);
        Assert.Empty(lost);
    }
}
