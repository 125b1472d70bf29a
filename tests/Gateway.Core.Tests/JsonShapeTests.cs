using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Json;
using Gateway.Core.Model;

namespace Gateway.Core.Tests;

public class JsonShapeTests
{
    [Fact]
    public void Device_state_changed_event_has_exactly_the_fields_a_box_sends()
    {
        var real = Fixtures.Load("local_events.json")[1];
        var ours = JsonDocument.Parse(EventJson.Serialize(
            new DeviceStateChangedEvent("io://1234-5678-1234/5928357", [DeviceState.Of("core:TargetClosureState", 100)]))).RootElement;
        Assert.Equal(Fixtures.OrderedKeys(real), Fixtures.OrderedKeys(ours));
        Assert.Equal(real.GetProperty("deviceStates")[0].GetRawText().Replace(" ", "").Replace("\n", ""),
            ours.GetProperty("deviceStates")[0].GetRawText());
    }

    [Theory]
    [InlineData("core:MovingState", 6)]
    [InlineData("core:ClosureState", 1)]
    [InlineData("core:OpenClosedState", 3)]
    public void State_type_codes_follow_overkiz(string name, int code)
    {
        var state = name switch
        {
            "core:MovingState" => DeviceState.Of(name, true),
            "core:ClosureState" => DeviceState.Of(name, 0),
            _ => DeviceState.Of(name, "open"),
        };
        Assert.Equal(code, (int)state.Type);
    }

    [Fact]
    public void Float_states_are_numbers_of_type_2()
    {
        var json = JsonSerializer.Serialize(DeviceState.Of("core:TemperatureState", 21.25), GatewayJsonContext.Default.DeviceState);
        Assert.Equal("""{"type":2,"name":"core:TemperatureState","value":21.25}""", json);
    }

    [Fact]
    public void Current_execution_matches_the_captured_one_field_for_field()
    {
        var real = Fixtures.Load("current-single.json");
        var ours = JsonSerializer.SerializeToElement(new CurrentExecution(1767003511145, "email@email.nl",
            new ActionGroupView("Execution via Home Assistant", [new ActionRecord("rts://1234-5678-1234/12345678", [new CommandRecord("close", null, null)])]),
            "Execution : Execution via Home Assistant", "699dd967-0a19-0481-7a62-99b990a2feb8", ExecutionState.Transmitted),
            GatewayJsonContext.Default.CurrentExecution);
        Assert.Equal(Fixtures.OrderedKeys(real), Fixtures.OrderedKeys(ours));
        Assert.Equal(Fixtures.OrderedKeys(real.GetProperty("actionGroup")), Fixtures.OrderedKeys(ours.GetProperty("actionGroup")));
        var realCommand = real.GetProperty("actionGroup").GetProperty("actions")[0].GetProperty("commands")[0];
        var ourCommand = ours.GetProperty("actionGroup").GetProperty("actions")[0].GetProperty("commands")[0];
        Assert.Equal(Fixtures.Keys(realCommand), Fixtures.Keys(ourCommand));
        Assert.Equal("TRANSMITTED", ours.GetProperty("state").GetString());
        Assert.Equal(real.GetProperty("description").GetString(), ours.GetProperty("description").GetString());
    }

    [Fact]
    public void Device_carries_every_field_of_a_real_local_device()
    {
        var real = Fixtures.Load("setup_local.json").GetProperty("devices")[1];
        var catalog = Catalog.DeviceCatalog.LoadEmbedded();
        var kind = catalog.Get("io:HorizontalAwningIOComponent");
        var device = new Device
        {
            Oid = "x", DeviceUrl = "io://1234-1234-1234/5928357", Label = "*", ControllableName = kind.ControllableName,
            Definition = kind.Definition, States = [DeviceState.Of("core:DeploymentState", 0)], Attributes = [],
            Available = true, PlaceOid = "p", Type = 1, CreationTime = 1, LastUpdateTime = 1,
        };
        var ours = JsonSerializer.SerializeToElement(device, GatewayJsonContext.Default.Device);
        var missing = Fixtures.Keys(real).Except(Fixtures.Keys(ours)).ToList();
        Assert.Empty(missing);
        Assert.Equal(Fixtures.OrderedKeys(real), Fixtures.SharedKeysInOrder(ours, real));
        Assert.Equal(["oid", "placeOID", "creationTime", "lastUpdateTime"], Fixtures.OrderedKeys(ours).Except(Fixtures.OrderedKeys(real)));
        Assert.Equal(Fixtures.OrderedKeys(real.GetProperty("definition")), Fixtures.OrderedKeys(ours.GetProperty("definition")));
    }
}
