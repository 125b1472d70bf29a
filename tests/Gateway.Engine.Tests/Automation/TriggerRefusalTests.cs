using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Engine.Automation;

namespace Gateway.Engine.Tests.Automation;

/// <summary>What the trigger engine does not run is refused whole, with a 400 naming it: never stored, never half-run.</summary>
public class TriggerRefusalTests
{
    private static readonly DateTime MondayNoon = new(2026, 6, 1, 12, 0, 0);

    [Theory]
    [InlineData("genericStateRegulationTrigger")]
    [InlineData("ovpThermostatRegulationTrigger")]
    [InlineData("sensorThreshold")]
    [InlineData("genericPointToPointRegulationTrigger")]
    [InlineData("eventTrigger")]
    public void Trigger_types_the_gateway_does_not_run_are_refused_by_name(string type)
    {
        using var document = JsonDocument.Parse($$"""{"{{type}}":{"label":"x","mode":1,"deviceURL":"test://1234-5678-9012/10"} }""");

        var error = Assert.Throws<OverkizException>(() => AutomationRequestReader.ReadTrigger(document.RootElement));

        Assert.Equal(400, error.Error.Status);
        Assert.Equal("INVALID_PARAMETER", error.Error.ErrorCode);
        Assert.Equal($"Bad parameters. (\"\"trigger type {type} is not supported by this gateway (supported: delayedCommandsSchedulingTrigger, discreteTrigger, genericCommandSchedulingTrigger, ifThenSetupTrigger)\"\")", error.Error.Error);
    }

    [Theory]
    [InlineData("""{"dayType":{"dayType":"WORK_DAY","mask":"DAY_OFF_AT_HOME"}}""", "scheduling interval dayType is not supported")]
    [InlineData("""{"weekHours":{"startMinutes":0,"stopMinutes":60,"startType":"NOON","stopType":"TIME","dayMask":31}}""", "NOON")]
    [InlineData("""{"weekHours":{"startMinutes":0,"stopMinutes":60,"dayMask":255}}""", "dayMask")]
    [InlineData("""{"weeklySchedule":{"startMinutes":0,"stopMinutes":60,"startDay":0,"stopDay":6}}""", "startDay")]
    public async Task Scheduling_intervals_the_gateway_cannot_follow_are_refused(string interval, string message)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await AssertRefusedAsync(h, h.HotAfternoonJson(window: interval), message);
    }

    [Theory]
    [InlineData("\"activationDelay\":600", "\"objectPath\":\"a/b\"", "objectPath is not supported")]
    [InlineData("\"activationDelay\":600", "\"type\":\"CONTINUOUS\"", "condition type CONTINUOUS is not supported")]
    [InlineData("\"activationDelay\":600", "\"deviceURL\":\"test://1234-5678-9012/99\"", "No such device")]
    public async Task Condition_features_the_gateway_cannot_follow_are_refused(string find, string replace, string message)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var json = h.HotAfternoonJson().Replace(find, $"{find},{replace}", StringComparison.Ordinal);
        if (replace.StartsWith("\"deviceURL\"", StringComparison.Ordinal))
            json = json.Replace($"\"deviceURL\":\"{AutomationHarness.Url(AutomationHarness.LivingRoom)}\",", "", StringComparison.Ordinal);
        await AssertRefusedAsync(h, json, message);
    }

    [Fact]
    public async Task Managed_groups_on_unknown_devices_unknown_action_groups_and_nested_delays_are_refused()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var living = AutomationHarness.Url(AutomationHarness.LivingRoom);
        await AssertRefusedAsync(h, h.HotAfternoonJson().Replace($"\"actionGroupOID\":\"{h.LowerAwningOid}\"",
            "\"actionGroupOID\":\"\",\"localActionGroup\":{\"label\":\"l\",\"actions\":[{\"deviceURL\":\"test://1234-5678-9012/99\",\"commands\":[{\"name\":\"deploy\"}]}]}", StringComparison.Ordinal), "No such device");
        await AssertRefusedAsync(h, h.HotAfternoonJson().Replace(h.LowerAwningOid, "no-such-group", StringComparison.Ordinal), "unknown action group no-such-group");
        await AssertRefusedAsync(h, $$"""
            {"ifThenSetupTrigger":{"label":"x","rootConditionBlock":{"andBlock":{"subConditionBlocks":[
              {"staticDeviceStateCondition":{"deviceURL":"{{living}}","stateName":"core:TemperatureState","operator":">","value1":"26","activationDelay":60} }]} },
              "effects":[{"actionGroupEffect":{"actionGroupOID":"{{h.LowerAwningOid}}"} }]} }
            """, "only supported on the root condition block");
        await AssertRefusedAsync(h, $$"""
            {"ifThenSetupTrigger":{"label":"x","rootConditionBlock":{"andBlock":{"subConditionBlocks":[
              {"staticDeviceStateCondition":{"deviceURL":"{{living}}","stateName":"core:TemperatureState","operator":">","value1":"26","deactivationDelay":60} }]} },
              "effects":[{"actionGroupEffect":{"actionGroupOID":"{{h.LowerAwningOid}}"} }]} }
            """, "deactivationDelay");
    }

    private static async Task AssertRefusedAsync(AutomationHarness h, string json, string message)
    {
        var error = await Assert.ThrowsAsync<OverkizException>(() => h.CreateAsync(json));
        Assert.Equal(400, error.Error.Status);
        Assert.Contains(message, error.Error.Error);
        Assert.Empty(h.Triggers.All());
        Assert.False(h.Settings.Values.ContainsKey(TriggerEngine.DefinitionsKey));
    }
}
