using System.Text;
using System.Text.Json;
using Gateway.Core.Catalog;

namespace Gateway.Core.Tests;

public class CatalogTests
{
    private static readonly DeviceCatalog Catalog = DeviceCatalog.LoadEmbedded();

    [Fact]
    public void Embedded_catalog_holds_every_kind_of_the_simulated_home()
    {
        string[] expected =
        [
            "internal:PodV2Component", "io:RollerShutterGenericIOComponent", "io:ExteriorVenetianBlindIOComponent",
            "io:HorizontalAwningIOComponent", "io:OnOffLightIOComponent", "io:DimmableLightIOComponent",
            "zigbee:OnOffMeteringPlugComponent", "io:TemperatureIOSystemSensor", "io:RelativeHumidityIOSystemDeviceSensor",
            "io:SomfyContactIOSystemSensor", "io:SomfyOccupancyIOSystemSensor", "io:SomfySmokeIOSystemSensor",
        ];
        foreach (var name in expected) Assert.NotNull(Catalog.Find(name));
    }

    [Fact]
    public void Definitions_count_parameters_and_sign_them_like_overkiz()
    {
        var shutter = Catalog.Get("io:RollerShutterGenericIOComponent").Definition;
        var close = shutter.FindCommand("close")!;
        Assert.Equal(0, close.Nparams);
        Assert.Null(close.ParamsSig);
        var setClosure = shutter.FindCommand("setClosure")!;
        Assert.Equal(1, setClosure.Nparams);
        Assert.Equal("p1", setClosure.ParamsSig);

        var timed = Catalog.Get("io:DimmableLightIOComponent").Definition.FindCommand("setIntensityWithTimer")!;
        Assert.Equal(2, timed.Nparams);
        Assert.Equal("p1,p2,*p3", timed.ParamsSig);
    }

    [Fact]
    public void Definition_serialises_with_the_fields_of_a_real_box()
    {
        var json = JsonSerializer.SerializeToElement(Catalog.Get("io:HorizontalAwningIOComponent").Definition, Json.GatewayJsonContext.Default.DeviceDefinition);
        var real = Fixtures.Load("setup_local.json").GetProperty("devices")[1].GetProperty("definition");
        Assert.Equal(Fixtures.Keys(real), Fixtures.Keys(json));
        Assert.Equal("Awning", json.GetProperty("uiClass").GetString());
    }

    [Theory]
    [InlineData("""{"type":"int","min":0,"max":100}""", "50", true)]
    [InlineData("""{"type":"int","min":0,"max":100}""", "101", false)]
    [InlineData("""{"type":"int","min":0,"max":100}""", "1.5", false)]
    [InlineData("""{"type":"int","min":0,"max":100}""", "\"50\"", false)]
    [InlineData("""{"type":"float","min":0,"max":1}""", "0.5", true)]
    [InlineData("""{"type":"boolean"}""", "true", true)]
    [InlineData("""{"type":"boolean"}""", "1", false)]
    [InlineData("""{"type":"string","values":["a","b"]}""", "\"b\"", true)]
    [InlineData("""{"type":"string","values":["a","b"]}""", "\"c\"", false)]
    [InlineData("""{}""", "\"anything\"", true)]
    public void Parameter_rules_accept_and_refuse(string spec, string value, bool accepted)
    {
        var rule = JsonSerializer.Deserialize(spec, Json.GatewayJsonContext.Default.ParameterSpec)!;
        Assert.Equal(accepted, rule.Check(JsonDocument.Parse(value).RootElement) is null);
    }

    [Fact]
    public void Duplicate_entries_are_refused()
    {
        var json = """{"devices":[{"controllableName":"a:B","uiClass":"X","widgetName":"Y"},{"controllableName":"a:B","uiClass":"X","widgetName":"Y"}]}""";
        Assert.Throws<InvalidDataException>(() => DeviceCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Unknown_state_types_are_refused()
    {
        var json = """{"devices":[{"controllableName":"a:B","uiClass":"X","widgetName":"Y","states":[{"name":"s","type":"blob"}]}]}""";
        Assert.Throws<InvalidDataException>(() => DeviceCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }
}
