using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Simulator;

public class SimulatedBulbTests
{
    private readonly SimulatedBulb _bulb = new(0x000B57FFFE123456, 0x1A2B);
    private readonly DeviceHarness _gateway;

    public SimulatedBulbTests() => _gateway = new DeviceHarness(_bulb);

    [Fact]
    public void It_maps_to_a_colour_temperature_light()
    {
        Assert.Equal(ZigbeeControllableNames.ColorTemperatureLight, _gateway.Definition.ControllableName);
        Assert.Equal("IKEA of Sweden TRADFRI bulb E27 WS opal 980lm", _gateway.Definition.Label);
    }

    [Fact]
    public void Reading_basic_attributes_answers_values_and_unsupported_ones()
    {
        var answer = Assert.Single(_gateway.Send(BasicCluster.Id, ZclGlobal.ReadAttributes(7, BasicCluster.ManufacturerName, BasicCluster.ModelIdentifier, BasicCluster.PowerSource, BasicCluster.DateCode)));
        Assert.Equal(ZclDirection.ServerToClient, answer.Frame.Direction);
        Assert.Equal(7, answer.Frame.Sequence);
        Assert.True(ReadAttributesResponse.TryParse(answer.Frame, out var response));
        Assert.Equal("IKEA of Sweden", response.Records[0].Value!.AsString());
        Assert.Equal("TRADFRI bulb E27 WS opal 980lm", response.Records[1].Value!.AsString());
        Assert.Equal(ZigbeePowerSource.Mains, ZigbeePowerSources.FromBasicAttribute(response.Records[2].Value!.Integer));
        Assert.Equal(ZclStatus.UnsupportedAttribute, response.Records[3].Status);
    }

    [Fact]
    public void On_answers_a_default_response_and_reports_once_reporting_is_configured()
    {
        var unconfigured = _gateway.Execute("on");
        Assert.True(DefaultResponse.TryParse(Assert.Single(unconfigured).Frame, out var ok));
        Assert.Equal(new DefaultResponse(OnOffCluster.OnCommand, ZclStatus.Success), ok);
        Assert.True(_bulb.IsOn);

        _gateway.ConfigureReporting();
        var states = DeviceHarness.States(_gateway.Execute("off"));
        Assert.Equal("off", states["core:OnOffState"].GetString());
        Assert.False(_bulb.IsOn);
    }

    [Fact]
    public void Set_intensity_turns_on_and_dims_and_reports_both()
    {
        _gateway.ConfigureReporting();
        var states = DeviceHarness.States(_gateway.Execute("setIntensity", 50));
        Assert.Equal("on", states["core:OnOffState"].GetString());
        Assert.Equal(50, states["core:LightIntensityState"].GetInt32());
        Assert.Equal(127, _bulb.Level);
    }

    [Fact]
    public void Set_intensity_zero_turns_off_and_keeps_the_level()
    {
        _gateway.Execute("setIntensity", 40);
        _gateway.Execute("setIntensity", 0);
        Assert.False(_bulb.IsOn);
        Assert.Equal(LevelControlCluster.LevelFromPercent(40), _bulb.Level);
    }

    [Fact]
    public void Colour_temperature_is_clamped_to_what_the_bulb_can_do()
    {
        _gateway.ConfigureReporting();
        var states = DeviceHarness.States(_gateway.Execute("setColorTemperature", 10000));
        Assert.Equal(SimulatedBulb.MinMireds, _bulb.Mireds);
        Assert.Equal(ColorControlCluster.KelvinFromMireds(SimulatedBulb.MinMireds), states["core:ColorTemperatureState"].GetInt32());
    }

    [Fact]
    public void Refresh_reads_back_every_state()
    {
        _gateway.Execute("setIntensity", 100);
        var states = DeviceHarness.States(_gateway.Execute("refreshState"));
        Assert.Equal("on", states["core:OnOffState"].GetString());
        Assert.Equal(100, states["core:LightIntensityState"].GetInt32());
        Assert.Equal(2703, states["core:ColorTemperatureState"].GetInt32());
    }

    [Fact]
    public void A_disabled_default_response_is_not_sent_on_success()
    {
        Assert.Empty(_gateway.Send(OnOffCluster.Id, OnOffCluster.Toggle(1) with { DisableDefaultResponse = true }));
        Assert.True(_bulb.IsOn);
    }

    [Fact]
    public void Unknown_commands_and_clusters_are_refused_with_their_status()
    {
        Assert.True(DefaultResponse.TryParse(Assert.Single(_gateway.Send(OnOffCluster.Id, ZclFrame.ClusterCommand(1, 0x42, []))).Frame, out var command));
        Assert.Equal(ZclStatus.UnsupClusterCommand, command.Status);
        Assert.True(DefaultResponse.TryParse(Assert.Single(_gateway.Send(WindowCoveringCluster.Id, WindowCoveringCluster.UpOpen(2))).Frame, out var cluster));
        Assert.Equal(ZclStatus.UnsupportedCluster, cluster.Status);
        Assert.True(DefaultResponse.TryParse(Assert.Single(_gateway.Send(OnOffCluster.Id, ZclFrame.Global(3, 0x1F, []))).Frame, out var global));
        Assert.Equal(ZclStatus.UnsupGeneralCommand, global.Status);
        Assert.True(DefaultResponse.TryParse(Assert.Single(_gateway.Send(LevelControlCluster.Id, ZclFrame.ClusterCommand(4, LevelControlCluster.MoveToLevelWithOnOffCommand, [0x10]))).Frame, out var malformed));
        Assert.Equal(ZclStatus.MalformedCommand, malformed.Status);
    }

    [Fact]
    public void A_frame_to_an_endpoint_it_lacks_gets_no_answer()
    {
        Assert.Empty(_bulb.HandleZcl(9, OnOffCluster.Id, OnOffCluster.On(1)));
    }

    [Fact]
    public void Writes_check_support_type_and_access()
    {
        var answer = Assert.Single(_gateway.Send(OnOffCluster.Id, ZclGlobal.WriteAttributes(5, (OnOffCluster.OnOffAttribute, ZclValue.Boolean(true)), (0x4003, ZclValue.UInt8(1)))));
        Assert.True(WriteAttributesResponse.TryParse(answer.Frame, out var response));
        Assert.Equal([new WriteAttributeStatus(ZclStatus.ReadOnly, 0x0000), new WriteAttributeStatus(ZclStatus.UnsupportedAttribute, 0x4003)], response.Records);

        var identify = Assert.Single(_gateway.Send(IdentifyCluster.Id, ZclGlobal.WriteAttributes(6, (IdentifyCluster.IdentifyTime, ZclValue.UInt16(5)))));
        Assert.True(WriteAttributesResponse.TryParse(identify.Frame, out var written));
        Assert.True(written.AllSucceeded);
        Assert.Equal(ZclValue.UInt16(5), _bulb.Attribute(SimulatedBulb.Endpoint, IdentifyCluster.Id, IdentifyCluster.IdentifyTime));
    }

    [Fact]
    public void Configuring_an_unknown_attribute_or_the_wrong_type_is_refused_per_attribute()
    {
        var answer = Assert.Single(_gateway.Send(OnOffCluster.Id, ZclGlobal.ConfigureReporting(8,
            [new ReportingConfiguration(0x0000, ZclDataType.UInt8, 0, 60), new ReportingConfiguration(0x4242, ZclDataType.Bool, 0, 60)])));
        Assert.True(ConfigureReportingResponse.TryParse(answer.Frame, out var response));
        Assert.Equal([new ConfigureReportingStatus(ZclStatus.InvalidDataType, 0, 0x0000), new ConfigureReportingStatus(ZclStatus.UnsupportedAttribute, 0, 0x4242)], response.Records);
    }

    [Fact]
    public void Discover_attributes_pages_through_the_table()
    {
        var first = Assert.Single(_gateway.Send(BasicCluster.Id, ZclGlobal.DiscoverAttributes(1, 0, 2)));
        Assert.True(DiscoverAttributesResponse.TryParse(first.Frame, out var page));
        Assert.False(page.Complete);
        Assert.Equal([BasicCluster.ZclVersion, BasicCluster.ManufacturerName], page.Attributes.Select(a => a.AttributeId));

        var rest = Assert.Single(_gateway.Send(BasicCluster.Id, ZclGlobal.DiscoverAttributes(2, 0x0005, 10)));
        Assert.True(DiscoverAttributesResponse.TryParse(rest.Frame, out var last));
        Assert.True(last.Complete);
        Assert.Equal([BasicCluster.ModelIdentifier, BasicCluster.PowerSource, BasicCluster.SoftwareBuildId], last.Attributes.Select(a => a.AttributeId));
    }

    [Fact]
    public void A_local_switch_is_reported_unprompted()
    {
        _gateway.ConfigureReporting();
        _bulb.SwitchLocally(true);
        Assert.Equal("on", _gateway.DrainEmittedStates()["core:OnOffState"].GetString());
    }
}
