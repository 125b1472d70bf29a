using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Model;
using Gateway.Engine.Automation;

namespace Gateway.Engine.Tests.Automation;

/// <summary>Condition operators and blocks, evaluated through condition groups against the registry's live states.</summary>
public class ConditionTests
{
    private static readonly DateTime MondayNoon = new(2026, 6, 1, 12, 0, 0);
    private static string LivingRoom => AutomationHarness.Url(AutomationHarness.LivingRoom);
    private static string Awning => AutomationHarness.Url(AutomationHarness.Awning);

    [Theory]
    [InlineData("GREATER_THAN", "26", true)]
    [InlineData("GREATER_THAN", "26.5", false)]
    [InlineData("GREATERTHAN", "26", true)]
    [InlineData(">", "27", false)]
    [InlineData("GREATER_THAN_OR_EQUAL", "26.5", true)]
    [InlineData(">=", "26.6", false)]
    [InlineData("LOWER_THAN", "27", true)]
    [InlineData("<", "26.5", false)]
    [InlineData("LOWER_THAN_OR_EQUAL", "26.5", true)]
    [InlineData("<=", "26.4", false)]
    [InlineData("EQUALS", "26.5", true)]
    [InlineData("==", "26", false)]
    [InlineData("NOT_EQUALS", "26", true)]
    [InlineData("!=", "26.5", false)]
    public async Task Numeric_operators_compare_the_live_temperature(string op, string value, bool expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetTemperatureAsync(26.5);

        var evaluation = await EvaluateAsync(h, $$"""{"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"core:TemperatureState","operator":"{{op}}","value1":"{{value}}"} }""");

        Assert.Equal(expected ? "SUCCESS" : "FAILED", evaluation.EvaluationStatus);
        Assert.Equal(expected ? [] : [LivingRoom], evaluation.InvalidatingDevices);
    }

    [Theory]
    [InlineData("\"BETWEEN_INCLUSIVE\",\"value1\":20,\"value2\":26.5", true)]
    [InlineData("\"BETWEEN_EXCLUSIVE\",\"value1\":20,\"value2\":26.5", false)]
    [InlineData("\"GREATER_THAN\",\"value1\":26", true)]
    public async Task Between_operators_and_numeric_json_values(string operatorAndValues, bool expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetTemperatureAsync(26.5);

        var evaluation = await EvaluateAsync(h, $$"""{"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"core:TemperatureState","operator":{{operatorAndValues}} } }""");

        Assert.Equal(expected ? "SUCCESS" : "FAILED", evaluation.EvaluationStatus);
    }

    [Theory]
    [InlineData("core:OpenClosedState", "EQUALS", "\"closed\"", true)]
    [InlineData("core:OpenClosedState", "EQUALS", "\"Closed\"", false)]
    [InlineData("core:OpenClosedState", "NOT_EQUALS", "\"open\"", true)]
    [InlineData("core:MovingState", "EQUALS", "false", true)]
    [InlineData("core:MovingState", "EQUALS", "\"false\"", true)]
    [InlineData("core:MovingState", "NOT_EQUALS", "false", false)]
    [InlineData("core:MovingState", "EQUALS", "true", false)]
    public async Task Strings_and_booleans_compare_for_equality(string state, string op, string value, bool expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);

        var evaluation = await EvaluateAsync(h, $$"""{"staticDeviceStateCondition":{"deviceURL":"{{Awning}}","stateName":"{{state}}","operator":"{{op}}","value1":{{value}} } }""");

        Assert.Equal(expected ? "SUCCESS" : "FAILED", evaluation.EvaluationStatus);
    }

    [Theory]
    [InlineData("andBlock", 27, false)]
    [InlineData("andBlock", 25, true)]
    [InlineData("orBlock", 27, true)]
    [InlineData("orBlock", 30, false)]
    public async Task And_or_and_not_blocks_combine_conditions(string block, double temperature, bool expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetTemperatureAsync(temperature);

        // and: awning closed AND NOT(temperature > 26); or: temperature < 28 OR awning open.
        var json = block == "andBlock"
            ? $$"""
                {"andBlock":{"subConditionBlocks":[
                {"staticDeviceStateCondition":{"deviceURL":"{{Awning}}","stateName":"core:OpenClosedState","operator":"EQUALS","value1":"closed"} },
                {"notBlock":{"subConditionBlocks":[{"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"core:TemperatureState","operator":"GREATER_THAN","value1":"26"} }]} }]} }
                """
            : $$"""
                {"orBlock":{"subConditionBlocks":[
                {"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"core:TemperatureState","operator":"LOWER_THAN","value1":"28"} },
                {"staticDeviceStateCondition":{"deviceURL":"{{Awning}}","stateName":"core:OpenClosedState","operator":"EQUALS","value1":"open"} }]} }
                """;

        Assert.Equal(expected ? "SUCCESS" : "FAILED", (await EvaluateAsync(h, json)).EvaluationStatus);
    }

    [Fact]
    public async Task A_controllable_condition_holds_only_when_every_device_of_the_kind_satisfies_it()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetTemperatureAsync(27);
        const string condition = """{"controllable":{"stateName":"core:TemperatureState","value":"26","operator":"GREATERTHAN","controllableNames":["io:TemperatureIOSystemSensor","io:NoSuchSensor"]}}""";

        var evaluation = await EvaluateAsync(h, condition);
        Assert.Equal("FAILED", evaluation.EvaluationStatus);
        Assert.Equal([AutomationHarness.Url(AutomationHarness.Kitchen)], evaluation.InvalidatingDevices);
        Assert.Equal(["io:NoSuchSensor"], evaluation.IgnoredControllables);

        await h.SetTemperatureAsync(27, AutomationHarness.Kitchen);
        Assert.Equal("SUCCESS", (await EvaluateAsync(h, condition)).EvaluationStatus);
    }

    [Fact]
    public async Task A_missing_state_is_unknown_and_reported_as_a_failed_device_even_under_not()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);

        var evaluation = await EvaluateAsync(h, $$"""{"notBlock":{"subConditionBlocks":[{"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"core:LuminanceState","operator":">","value1":"100"} }]} }""");

        Assert.Equal("FAILED", evaluation.EvaluationStatus);
        Assert.Equal([LivingRoom], evaluation.FailedDevices);
    }

    [Fact]
    public async Task Condition_groups_are_stored_updated_and_deleted_with_events()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var group = await h.ConditionGroups.CreateAsync(Read($$"""{"label":"Hot","metadata":"m","conditions":[{"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"core:TemperatureState","operator":">","value1":"26"} }]}"""), default);
        Assert.Contains(group.Oid, h.Settings.Values[ConditionGroupService.SettingKey]);

        var reloaded = new ConditionGroupService(h.Settings, h.Registry, h.Bus, EngineHarness.Identity, h.Time);
        await reloaded.LoadAsync(default);
        Assert.Equal("Hot", reloaded.Find(group.Oid)!.Label);

        await h.ConditionGroups.UpdateAsync(Read($$"""{"oid":"{{group.Oid}}","label":"Very hot","conditions":[{"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"core:TemperatureState","operator":">","value1":"30"} }]}"""), default);
        Assert.Equal("Very hot", h.ConditionGroups.Find(group.Oid)!.Label);
        await h.ConditionGroups.DeleteAsync(group.Oid, default);
        Assert.Null(h.ConditionGroups.Find(group.Oid));
        Assert.Equal(["ConditionGroupCreatedEvent", "ConditionGroupUpdatedEvent", "ConditionGroupDeletedEvent"],
            h.Sink.Of<ConditionGroupEvent>().Select(e => e.Name));
    }

    [Theory]
    [InlineData("""{"staticDeviceStateCondition":{"deviceURL":"DEVICE","stateName":"core:TemperatureState","operator":"ROUGHLY","value1":"26"}}""", "unknown operator ROUGHLY")]
    [InlineData("""{"staticDeviceStateCondition":{"deviceURL":"DEVICE","stateName":"core:TemperatureState","operator":"GREATER_THAN","value1":"warm"}}""", "needs a numeric value")]
    [InlineData("""{"staticDeviceStateCondition":{"deviceURL":"DEVICE","stateName":"core:TemperatureState","operator":"BETWEEN_INCLUSIVE","value1":"20"}}""", "numeric value2")]
    [InlineData("""{"staticDeviceStateCondition":{"deviceURL":"DEVICE","stateName":"core:TemperatureState","operator":"EQUALS"}}""", "needs a value")]
    [InlineData("""{"notBlock":{"subConditionBlocks":[]}}""", "exactly one sub-block")]
    [InlineData("""{"eventBasedCondition":{"deviceURL":"DEVICE","stateName":"a"}}""", "condition kind eventBasedCondition is not supported")]
    public async Task Conditions_the_gateway_cannot_evaluate_exactly_are_refused(string condition, string message)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var json = $$"""{"label":"Bad","conditions":[{{condition.Replace("DEVICE", LivingRoom, StringComparison.Ordinal)}}]}""";

        var error = await Assert.ThrowsAsync<OverkizException>(async () => await h.ConditionGroups.CreateAsync(Read(json), default));

        Assert.Equal(400, error.Error.Status);
        Assert.Equal("INVALID_PARAMETER", error.Error.ErrorCode);
        Assert.Contains(message, error.Error.Error);
        Assert.Empty(h.ConditionGroups.All());
    }

    [Fact]
    public async Task A_condition_on_an_unknown_device_is_refused_with_no_such_device()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var json = """{"label":"Bad","conditions":[{"staticDeviceStateCondition":{"deviceURL":"test://1234-5678-9012/99","stateName":"core:TemperatureState","operator":">","value1":"1"}}]}""";

        var error = await Assert.ThrowsAsync<OverkizException>(async () => await h.ConditionGroups.CreateAsync(Read(json), default));

        Assert.Equal("NO_SUCH_DEVICE", error.Error.ErrorCode);
    }

    private static async Task<ConditionGroupEvaluation> EvaluateAsync(AutomationHarness h, string condition)
    {
        var group = await h.ConditionGroups.CreateAsync(Read($$"""{"label":"Test","conditions":[{{condition}}]}"""), default);
        return h.ConditionGroups.Evaluate(group.Oid);
    }

    private static ConditionGroup Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AutomationRequestReader.ReadConditionGroup(document.RootElement);
    }
}
