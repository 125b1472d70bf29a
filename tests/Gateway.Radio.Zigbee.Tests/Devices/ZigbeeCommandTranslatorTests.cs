using System.Text.Json;
using Gateway.Core.Catalog;
using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Devices;

public class ZigbeeCommandTranslatorTests
{
    private byte _sequence = 0x40;

    private IReadOnlyList<ZclRequest> Translate(string kind, string name, params string[] parameters) =>
        ZigbeeCommandTranslator.Translate(kind, new RadioCommand("zigbee://x/00124B0001020304#1", name,
            [.. parameters.Select(p => JsonDocument.Parse(p).RootElement)]), () => _sequence++);

    private (ushort Cluster, string Hex) Single(string kind, string name, params string[] parameters)
    {
        var request = Assert.Single(Translate(kind, name, parameters));
        return (request.ClusterId, Convert.ToHexString(ZclCodec.Encode(request.Frame)));
    }

    [Fact]
    public void On_off_and_toggle_use_the_on_off_cluster()
    {
        Assert.Equal((ZclClusterId.OnOff, "014001"), Single(ZigbeeControllableNames.DimmerLight, "on"));
        Assert.Equal((ZclClusterId.OnOff, "014100"), Single(ZigbeeControllableNames.OnOffPlug, "off"));
        Assert.Equal((ZclClusterId.OnOff, "014202"), Single(ZigbeeControllableNames.OnOffMeteringPlug, "toggle"));
    }

    [Fact]
    public void Set_intensity_moves_to_the_level_with_on_off()
    {
        Assert.Equal((ZclClusterId.LevelControl, "0140047F0000"), Single(ZigbeeControllableNames.DimmerLight, "setIntensity", "50"));
        Assert.Equal((ZclClusterId.LevelControl, "014104000000"), Single(ZigbeeControllableNames.DimmerLight, "setIntensity", "0"));
    }

    [Fact]
    public void Set_colour_temperature_sends_mireds()
    {
        Assert.Equal((ZclClusterId.ColorControl, "01400AFA000000"), Single(ZigbeeControllableNames.ColorTemperatureLight, "setColorTemperature", "4000"));
    }

    [Fact]
    public void Set_hue_and_saturation_scales_both()
    {
        Assert.Equal((ZclClusterId.ColorControl, "0140067F7F0000"), Single(ZigbeeControllableNames.ColorLight, "setHueAndSaturation", "180", "50"));
    }

    [Fact]
    public void Cover_commands_use_window_covering()
    {
        Assert.Equal((ZclClusterId.WindowCovering, "014000"), Single(ZigbeeControllableNames.WindowCovering, "open"));
        Assert.Equal((ZclClusterId.WindowCovering, "014101"), Single(ZigbeeControllableNames.WindowCovering, "close"));
        Assert.Equal((ZclClusterId.WindowCovering, "014202"), Single(ZigbeeControllableNames.WindowCovering, "stop"));
        Assert.Equal((ZclClusterId.WindowCovering, "01430546"), Single(ZigbeeControllableNames.WindowCovering, "setClosure", "70"));
        Assert.Equal((ZclClusterId.WindowCovering, "0144051E"), Single(ZigbeeControllableNames.WindowCovering, "setPosition", "70"));
    }

    [Fact]
    public void Set_target_temperature_writes_the_heating_setpoint()
    {
        Assert.Equal((ZclClusterId.Thermostat, "0040021200299808"), Single(ZigbeeControllableNames.Thermostat, "setTargetTemperature", "22"));
        Assert.Equal((ZclClusterId.Thermostat, "0041021C003004"), Single(ZigbeeControllableNames.Thermostat, "setOperatingMode", "\"heat\""));
    }

    [Fact]
    public void Refresh_reads_every_state_attribute_with_a_fresh_sequence_each()
    {
        var requests = Translate(ZigbeeControllableNames.ColorTemperatureLight, "refreshState");
        Assert.Equal([ZclClusterId.OnOff, ZclClusterId.LevelControl, ZclClusterId.ColorControl], requests.Select(r => r.ClusterId));
        Assert.Equal([0x40, 0x41, 0x42], requests.Select(r => (int)r.Frame.Sequence));
        Assert.True(ReadAttributesRequest.TryParse(requests[2].Frame, out var read));
        Assert.Equal([ColorControlCluster.ColorTemperatureMireds], read.AttributeIds);
    }

    [Fact]
    public void A_command_the_kind_lacks_is_unknown()
    {
        var error = Assert.Throws<RadioCommandException>(() => Translate(ZigbeeControllableNames.OnOffLight, "setClosure", "10"));
        Assert.Equal(FailureType.CommandUnknown, error.FailureType);
        Assert.Equal(FailureType.CommandUnknown, Assert.Throws<RadioCommandException>(() => Translate("zigbee:Nothing", "on")).FailureType);
    }

    [Theory]
    [InlineData("setIntensity")]
    [InlineData("setIntensity", "101")]
    [InlineData("setIntensity", "\"50\"")]
    [InlineData("setIntensity", "12.5")]
    public void A_missing_or_bad_parameter_fails_the_command(string name, params string[] parameters)
    {
        var error = Assert.Throws<RadioCommandException>(() => Translate(ZigbeeControllableNames.DimmerLight, name, parameters));
        Assert.Equal(FailureType.ErrorWhileExecuting, error.FailureType);
    }

    [Fact]
    public void A_bad_operating_mode_fails_the_command()
    {
        Assert.Equal(FailureType.ErrorWhileExecuting,
            Assert.Throws<RadioCommandException>(() => Translate(ZigbeeControllableNames.Thermostat, "setOperatingMode", "\"boost\"")).FailureType);
    }

    [Fact]
    public void Every_catalog_command_of_every_zigbee_kind_translates()
    {
        var catalog = DeviceCatalog.LoadEmbedded();
        foreach (var name in ZigbeeControllableNames.All)
        {
            var kind = catalog.Get(name);
            foreach (var command in kind.Definition.Commands)
            {
                var specs = kind.Definition.FindCommand(command.CommandName)!.Parameters ?? [];
                var parameters = specs.Select(SampleFor).ToArray();
                Assert.NotEmpty(Translate(name, command.CommandName, parameters));
            }
        }
    }

    private static string SampleFor(ParameterSpec spec) => spec.Type switch
    {
        "string" => $"\"{spec.Values![0]}\"",
        _ => ((int)(spec.Max ?? 1)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
