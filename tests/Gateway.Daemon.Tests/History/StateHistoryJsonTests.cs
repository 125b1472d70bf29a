using System.Text;
using System.Text.Json;
using Gateway.Api.Endpoints;
using Gateway.Core.History;
using Gateway.Core.Model;

namespace Gateway.Daemon.Tests.History;

public sealed class StateHistoryJsonTests
{
    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) write(json);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void A_numeric_history_has_the_overkiz_fields_in_order_and_a_discrete_one_leaves_min_and_max_out()
    {
        var numeric = new StateHistorySeries("core:TemperatureState", StateHistoryKind.Numeric, [new StateHistoryPoint("21.5", 18, 24.5, 2880, 86_400_000)]);
        Assert.Equal("""{"historyValues":[{"value":"21.5","min":18,"max":24.5,"samples":2880,"when":86400000}],"historizationMethod":1,"deviceUnit":"core:TemperatureInCelcius"}""",
            Write(json => StateHistoryJson.WritePlain(json, null, numeric, StateHistoryKind.Numeric, "core:TemperatureInCelcius")));

        var discrete = new StateHistorySeries("core:OpenClosedState", StateHistoryKind.Discrete, [new StateHistoryPoint("open", null, null, 3, 5)]);
        Assert.Equal("""{"name":"core:OpenClosedState","historyValues":[{"value":"open","samples":3,"when":5}],"historizationMethod":2}""",
            Write(json => StateHistoryJson.WritePlain(json, "core:OpenClosedState", discrete, StateHistoryKind.Discrete, null)));
    }

    [Fact]
    public void A_stacked_history_has_one_column_per_device_and_null_where_a_device_has_no_period()
    {
        Device Sensor(string url) => new()
        {
            DeviceUrl = url, Oid = url, Label = "t", ControllableName = "x", PlaceOid = "p", Type = 2, Available = true, States = [], Attributes = [],
            Definition = new DeviceDefinition([], [], "", "", ""), CreationTime = 0, LastUpdateTime = 0,
        };
        var first = new StateHistorySeries("s", StateHistoryKind.Numeric, [new StateHistoryPoint("20", 19, 21, 2, 100), new StateHistoryPoint("22", 22, 22, 1, 200)]);
        var second = new StateHistorySeries("s", StateHistoryKind.Numeric, [new StateHistoryPoint("10", 10, 10, 1, 200)]);
        Assert.Equal("""{"stackedHistoryValues":[{"values":[20,null],"minValues":[19,null],"maxValues":[21,null],"samples":[2,0],"when":100},{"values":[22,10],"minValues":[22,10],"maxValues":[22,10],"samples":[1,1],"when":200}],"stackLevels":["sim://a/1","sim://a/2"],"deviceCounts":[1,1],"historizationMethod":1}""",
            Write(json => StateHistoryJson.WriteStacked(json, null, [Sensor("sim://a/1"), Sensor("sim://a/2")], [first, second], StateHistoryKind.Numeric, null)));
    }
}
