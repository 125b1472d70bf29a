using Gateway.TestSupport;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Simulator;

public class SimulatedCoverTests : IDisposable
{
    private static readonly TimeSpan Travel = TimeSpan.FromSeconds(20);
    private readonly ManualClock _clock = new();
    private readonly SimulatedCover _cover;
    private readonly DeviceHarness _gateway;

    public SimulatedCoverTests()
    {
        _cover = new SimulatedCover(0x70AC08FFFE010203, 0x4004, _clock, Travel);
        _gateway = new DeviceHarness(_cover);
    }

    public void Dispose() => _cover.Dispose();

    [Fact]
    public void It_maps_to_a_window_covering()
    {
        Assert.Equal(ZigbeeControllableNames.WindowCovering, _gateway.Definition.ControllableName);
    }

    [Fact]
    public void Set_closure_moves_over_time_and_reports_the_way_down()
    {
        _gateway.ConfigureReporting();
        var answer = Assert.Single(_gateway.Execute("setClosure", 30));
        Assert.True(DefaultResponse.TryParse(answer.Frame, out var ok) && ok.Status == ZclStatus.Success);
        Assert.True(_cover.Moving);
        Assert.Equal(0, _cover.Position);

        _clock.Advance(Travel * 0.1);
        Assert.Equal(10, _cover.Position);
        _clock.Advance(Travel);
        Assert.Equal(30, _cover.Position);
        Assert.False(_cover.Moving);

        Assert.Equal(30, _gateway.Emitted.Count);
        var states = _gateway.DrainEmittedStates();
        Assert.Equal(30, states["core:ClosureState"].GetInt32());
        Assert.Equal("open", states["core:OpenClosedState"].GetString());
    }

    [Fact]
    public void Close_goes_all_the_way_and_open_comes_back()
    {
        _gateway.Execute("close");
        _clock.Advance(Travel * 2);
        Assert.Equal(100, _cover.Position);
        Assert.Equal("closed", DeviceHarness.States(_gateway.Execute("refreshState"))["core:OpenClosedState"].GetString());

        _gateway.Execute("open");
        _clock.Advance(Travel * 0.25);
        Assert.Equal(75, _cover.Position);
    }

    [Fact]
    public void Stop_halts_where_it_is()
    {
        _gateway.Execute("close");
        _clock.Advance(Travel * 0.4);
        _gateway.Execute("stop");
        _clock.Advance(Travel);
        Assert.Equal(40, _cover.Position);
        Assert.False(_cover.Moving);
    }

    [Fact]
    public void A_lift_percentage_above_100_is_an_invalid_value()
    {
        var answer = Assert.Single(_gateway.Send(WindowCoveringCluster.Id, ZclFrame.ClusterCommand(1, WindowCoveringCluster.GoToLiftPercentageCommand, [101])));
        Assert.True(DefaultResponse.TryParse(answer.Frame, out var refused));
        Assert.Equal(ZclStatus.InvalidValue, refused.Status);
        Assert.False(_cover.Moving);
    }
}
