using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Automation;

namespace Gateway.Engine.Tests.Automation;

/// <summary>
/// dualDeviceStateCondition, atLeastOneDeviceStateCondition and allDevicesStateCondition: their three-valued results,
/// what strict compilation refuses, the states they depend on, and deactivationDelay on the root block.
/// </summary>
public class MultiDeviceConditionTests
{
    private static readonly DateTime MondayNoon = new(2026, 6, 1, 12, 0, 0);
    private static string LivingRoom => AutomationHarness.Url(AutomationHarness.LivingRoom);
    private static string Kitchen => AutomationHarness.Url(AutomationHarness.Kitchen);
    private static string Awning => AutomationHarness.Url(AutomationHarness.Awning);
    private const string Temperature = "core:TemperatureState";

    private static string Dual(string op, string url1 = "", string state1 = Temperature, string url2 = "", string state2 = Temperature, string extra = "") =>
        $$"""{"dualDeviceStateCondition":{"deviceURL1":"{{Or(url1, LivingRoom)}}","stateName1":"{{state1}}","deviceURL2":"{{Or(url2, Kitchen)}}","stateName2":"{{state2}}","operator":"{{op}}"{{extra}} } }""";

    private static string Multi(string kind, string op, string value, params string[] urls) =>
        $$"""{"{{kind}}":{"stateName":"{{Temperature}}","operator":"{{op}}","value1":"{{value}}","type":"EVENT_BASED","deviceURLs":[{{string.Join(",", urls.Select(u => $"\"{u}\""))}}]} }""";

    private static string Or(string value, string fallback) => value.Length == 0 ? fallback : value;

    // ---- dualDeviceStateCondition ----

    [Theory]
    [InlineData("LOWER_THAN", 22, 21, "False")]
    [InlineData("GREATER_THAN", 22, 21, "True")]
    [InlineData(">=", 21, 21, "True")]
    [InlineData("EQUALS", 21.5, 21.5, "True")]
    [InlineData("NOT_EQUALS", 21.5, 21.5, "False")]
    [InlineData("LOWER_THAN_OR_EQUAL", 21, 21.5, "True")]
    public async Task Dual_compares_the_two_live_temperatures(string op, double living, double kitchen, string expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetTemperatureAsync(living);
        await h.SetTemperatureAsync(kitchen, AutomationHarness.Kitchen);

        Assert.Equal(expected, await TruthAsync(h, Dual(op)));
    }

    [Fact]
    public async Task Dual_false_reports_both_devices_as_invalidating()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);

        var evaluation = await EvaluateAsync(h, Dual("LOWER_THAN"));   // 22 < 21

        Assert.Equal("FAILED", evaluation.EvaluationStatus);
        Assert.Equal([LivingRoom, Kitchen], evaluation.InvalidatingDevices);
        Assert.Empty(evaluation.FailedDevices);
    }

    [Fact]
    public async Task Dual_is_unknown_when_a_device_lacks_the_state_or_is_unavailable()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);

        var missing = Dual("NOT_EQUALS", state2: "core:LuminanceState");
        Assert.Equal("Unknown", await TruthAsync(h, missing));
        var evaluation = await EvaluateAsync(h, missing);
        Assert.Equal([Kitchen], evaluation.FailedDevices);
        Assert.Empty(evaluation.InvalidatingDevices);

        Assert.Equal("True", await TruthAsync(h, Dual("GREATER_THAN")));
        h.Registry.Apply(ScriptedRadio.Name, new AvailabilityReported(AutomationHarness.LivingRoom, false));
        Assert.Equal("Unknown", await TruthAsync(h, Dual("GREATER_THAN")));
        Assert.Equal([LivingRoom], (await EvaluateAsync(h, Dual("GREATER_THAN"))).FailedDevices);
    }

    [Theory]
    [InlineData("closed", "EQUALS", "True")]
    [InlineData("open", "EQUALS", "False")]
    [InlineData("open", "NOT_EQUALS", "True")]
    [InlineData("Closed", "EQUALS", "False")]
    [InlineData("closed", "GREATER_THAN", "False")]
    public async Task Dual_compares_strings_for_equality(string kitchenValue, string op, string expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetAsync(AutomationHarness.Kitchen, DeviceState.Of("core:OpenClosedState", kitchenValue));

        Assert.Equal(expected, await TruthAsync(h, Dual(op, Awning, "core:OpenClosedState", Kitchen, "core:OpenClosedState")));
    }

    [Fact]
    public async Task Dual_compares_booleans_and_numbers_across_json_kinds()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetAsync(AutomationHarness.Kitchen, DeviceState.Of("core:MovingState", false));
        await h.SetAsync(AutomationHarness.Kitchen, DeviceState.Of("core:NameState", "22.0"));

        Assert.Equal("True", await TruthAsync(h, Dual("EQUALS", Awning, "core:MovingState", Kitchen, "core:MovingState")));
        Assert.Equal("True", await TruthAsync(h, Dual("EQUALS", LivingRoom, Temperature, Kitchen, "core:NameState")));
        Assert.Equal("True", await TruthAsync(h, Dual("EQUALS", Kitchen, "core:NameState", LivingRoom, Temperature)));
        Assert.Equal("False", await TruthAsync(h, Dual("EQUALS", Awning, "core:MovingState", Awning, "core:OpenClosedState")));
    }

    // ---- atLeastOneDeviceStateCondition / allDevicesStateCondition ----

    [Theory]
    [InlineData(27, 21, "True")]
    [InlineData(22, 21, "False")]
    [InlineData(22, 27, "True")]
    public async Task At_least_one_holds_when_any_device_satisfies_the_comparison(double living, double kitchen, string expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetTemperatureAsync(living);
        await h.SetTemperatureAsync(kitchen, AutomationHarness.Kitchen);

        Assert.Equal(expected, await TruthAsync(h, Multi("atLeastOneDeviceStateCondition", "GREATER_THAN", "26", LivingRoom, Kitchen)));
    }

    [Fact]
    public async Task At_least_one_is_unknown_when_no_device_satisfies_it_and_one_is_unknown()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var condition = Multi("atLeastOneDeviceStateCondition", "GREATER_THAN", "26", LivingRoom, Awning);   // the awning has no temperature

        Assert.Equal("Unknown", await TruthAsync(h, condition));
        var evaluation = await EvaluateAsync(h, condition);
        Assert.Equal([Awning], evaluation.FailedDevices);
        Assert.Equal([LivingRoom], evaluation.InvalidatingDevices);

        await h.SetTemperatureAsync(27);
        Assert.Equal("True", await TruthAsync(h, condition));
    }

    [Fact]
    public async Task All_devices_holds_only_when_every_device_satisfies_the_comparison()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var condition = Multi("allDevicesStateCondition", "GREATER_THAN", "26", LivingRoom, Kitchen);
        await h.SetTemperatureAsync(27);

        Assert.Equal("False", await TruthAsync(h, condition));
        Assert.Equal([Kitchen], (await EvaluateAsync(h, condition)).InvalidatingDevices);

        await h.SetTemperatureAsync(27, AutomationHarness.Kitchen);
        Assert.Equal("True", await TruthAsync(h, condition));

        h.Registry.Apply(ScriptedRadio.Name, new AvailabilityReported(AutomationHarness.Kitchen, false));
        Assert.Equal("Unknown", await TruthAsync(h, condition));
        Assert.Equal([Kitchen], (await EvaluateAsync(h, condition)).FailedDevices);
    }

    [Fact]
    public async Task All_devices_is_false_when_one_fails_even_if_another_is_unknown()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);

        Assert.Equal("False", await TruthAsync(h, Multi("allDevicesStateCondition", "GREATER_THAN", "26", LivingRoom, Awning)));
        await h.SetTemperatureAsync(27);
        Assert.Equal("Unknown", await TruthAsync(h, Multi("allDevicesStateCondition", "GREATER_THAN", "26", LivingRoom, Awning)));
    }

    [Fact]
    public async Task Between_operators_work_on_several_devices()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        const string range = "\"operator\":\"BETWEEN_INCLUSIVE\",\"value1\":21,\"value2\":22";
        var all = $$"""{"allDevicesStateCondition":{"stateName":"{{Temperature}}",{{range}},"deviceURLs":["{{LivingRoom}}","{{Kitchen}}"]} }""";

        Assert.Equal("True", await TruthAsync(h, all));
        await h.SetTemperatureAsync(22.5);
        Assert.Equal("False", await TruthAsync(h, all));
    }

    // ---- strict refusals ----

    [Theory]
    [InlineData("""{"dualDeviceStateCondition":{"deviceURL1":"LR","stateName1":"core:TemperatureState","deviceURL2":"K","stateName2":"core:TemperatureState","operator":"BETWEEN_INCLUSIVE"}}""", "not supported by dualDeviceStateCondition")]
    [InlineData("""{"dualDeviceStateCondition":{"deviceURL1":"LR","stateName1":"core:TemperatureState","deviceURL2":"K","stateName2":"core:TemperatureState","operator":"ROUGHLY"}}""", "unknown operator ROUGHLY")]
    [InlineData("""{"dualDeviceStateCondition":{"deviceURL1":"LR","stateName1":"core:TemperatureState","objectPath1":"a/b","deviceURL2":"K","stateName2":"core:TemperatureState","operator":"EQUALS"}}""", "objectPath is not supported")]
    [InlineData("""{"dualDeviceStateCondition":{"deviceURL1":"LR","stateName1":"core:TemperatureState","deviceURL2":"K","operator":"EQUALS"}}""", "needs stateName1 and stateName2")]
    [InlineData("""{"dualDeviceStateCondition":{"deviceURL1":"LR","stateName1":"core:TemperatureState","stateName2":"core:TemperatureState","operator":"EQUALS"}}""", "needs deviceURL1 and deviceURL2")]
    [InlineData("""{"atLeastOneDeviceStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26","deviceURLs":["LR","K","LR"]}}""", "lists a deviceURL twice")]
    [InlineData("""{"allDevicesStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26","deviceURLs":[]}}""", "needs 1 to 50 deviceURLs")]
    [InlineData("""{"allDevicesStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26"}}""", "needs 1 to 50 deviceURLs")]
    [InlineData("""{"atLeastOneDeviceStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26","objectPath":"a/b","deviceURLs":["LR"]}}""", "objectPath is not supported")]
    [InlineData("""{"atLeastOneDeviceStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26","type":"CONTINUOUS","deviceURLs":["LR"]}}""", "condition type CONTINUOUS is not supported")]
    [InlineData("""{"allDevicesStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"warm","deviceURLs":["LR"]}}""", "needs a numeric value")]
    [InlineData("""{"allDevicesStateCondition":{"stateName":"core:TemperatureState","operator":"BETWEEN_EXCLUSIVE","value1":"20","deviceURLs":["LR"]}}""", "numeric value2")]
    [InlineData("""{"allDevicesStateCondition":{"operator":">","value1":"20","deviceURLs":["LR"]}}""", "needs a stateName")]
    [InlineData("""{"atLeastOneDeviceStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26","deactivationDelay":60,"deviceURLs":["LR"]}}""", "a deactivationDelay is only supported on the root condition block of a trigger")]
    [InlineData("""{"dualDeviceStateCondition":{"deviceURL1":"LR","stateName1":"core:TemperatureState","deviceURL2":"K","stateName2":"core:TemperatureState","operator":"EQUALS","activationDelay":5}}""", "an activationDelay is only supported on the root condition block of a trigger")]
    public async Task Condition_group_conditions_the_gateway_cannot_evaluate_exactly_are_refused(string condition, string message)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var json = $$"""{"label":"Bad","conditions":[{{Devices(condition)}}]}""";

        var error = await Assert.ThrowsAsync<OverkizException>(async () => await h.ConditionGroups.CreateAsync(Read(json), default));

        Assert.Equal(400, error.Error.Status);
        Assert.Equal("INVALID_PARAMETER", error.Error.ErrorCode);
        Assert.Contains(message, error.Error.Error);
        Assert.Empty(h.ConditionGroups.All());
    }

    [Fact]
    public async Task More_than_fifty_devices_are_refused()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var condition = Multi("atLeastOneDeviceStateCondition", ">", "26", Enumerable.Range(0, 51).Select(i => $"test://1234-5678-9012/{i}").ToArray());

        var error = await Assert.ThrowsAsync<OverkizException>(async () => await h.ConditionGroups.CreateAsync(Read($$"""{"label":"Bad","conditions":[{{condition}}]}"""), default));

        Assert.Contains("needs 1 to 50 deviceURLs", error.Error.Error);
    }

    [Theory]
    [InlineData("""{"dualDeviceStateCondition":{"deviceURL1":"LR","stateName1":"core:TemperatureState","deviceURL2":"GONE","stateName2":"core:TemperatureState","operator":"EQUALS"}}""")]
    [InlineData("""{"atLeastOneDeviceStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26","deviceURLs":["LR","GONE"]}}""")]
    [InlineData("""{"allDevicesStateCondition":{"stateName":"core:TemperatureState","operator":">","value1":"26","deviceURLs":["GONE"]}}""")]
    public async Task A_condition_on_an_unknown_device_is_refused_with_no_such_device(string condition)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var json = $$"""{"label":"Bad","conditions":[{{Devices(condition)}}]}""";

        var error = await Assert.ThrowsAsync<OverkizException>(async () => await h.ConditionGroups.CreateAsync(Read(json), default));

        Assert.Equal("NO_SUCH_DEVICE", error.Error.ErrorCode);
    }

    [Theory]
    [InlineData("andBlock")]
    [InlineData("orBlock")]
    [InlineData("notBlock")]
    public async Task A_deactivation_delay_below_the_root_block_of_a_trigger_is_refused(string block)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var inner = $$"""{"atLeastOneDeviceStateCondition":{"stateName":"{{Temperature}}","operator":">","value1":"26","deactivationDelay":30,"deviceURLs":["{{LivingRoom}}"]} }""";

        var error = await Assert.ThrowsAsync<OverkizException>(() => h.CreateAsync(TriggerJson(h, $$"""{"{{block}}":{"subConditionBlocks":[{{inner}}]} }""")));

        Assert.Equal(400, error.Error.Status);
        Assert.Contains("a deactivationDelay is only supported on the root condition block of a trigger", error.Error.Error);
        Assert.Empty(h.Triggers.All());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(604801)]
    public async Task A_root_deactivation_delay_outside_a_week_is_refused(int seconds)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var root = Multi("allDevicesStateCondition", ">", "26", LivingRoom).Replace("\"type\"", $"\"deactivationDelay\":{seconds},\"type\"", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<OverkizException>(() => h.CreateAsync(TriggerJson(h, root)));

        Assert.Contains("deactivationDelay is 0 .. 604800 seconds", error.Error.Error);
    }

    [Theory]
    [InlineData("staticDeviceStateCondition")]
    [InlineData("andBlock")]
    [InlineData("dualDeviceStateCondition")]
    [InlineData("atLeastOneDeviceStateCondition")]
    [InlineData("allDevicesStateCondition")]
    public async Task A_deactivation_delay_on_the_root_block_is_accepted_and_kept(string kind)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var delays = "\"activationDelay\":60,\"deactivationDelay\":604800";
        var root = kind switch
        {
            "staticDeviceStateCondition" => $$"""{"staticDeviceStateCondition":{"deviceURL":"{{LivingRoom}}","stateName":"{{Temperature}}","operator":">","value1":"26",{{delays}} } }""",
            "andBlock" => $$"""{"andBlock":{{{delays}},"subConditionBlocks":[{{Dual("GREATER_THAN")}}]} }""",
            "dualDeviceStateCondition" => Dual("GREATER_THAN", extra: "," + delays),
            _ => Multi(kind, ">", "26", LivingRoom, Kitchen).Replace("\"type\"", delays + ",\"type\"", StringComparison.Ordinal),
        };

        var trigger = await h.CreateAsync(TriggerJson(h, root));

        var stored = h.Triggers.Find(trigger.Oid!)!.RootConditionBlock!;
        var kept = stored.StaticDeviceStateCondition?.DeactivationDelay ?? stored.AndBlock?.DeactivationDelay ?? stored.DualDeviceStateCondition?.DeactivationDelay
            ?? stored.AtLeastOneDeviceStateCondition?.DeactivationDelay ?? stored.AllDevicesStateCondition?.DeactivationDelay;
        Assert.Equal(604800, kept);
        Assert.Contains("\"deactivationDelay\":604800", h.Settings.Values[TriggerEngine.DefinitionsKey]);
    }

    // ---- dependencies (the trigger index) ----

    [Fact]
    public async Task A_trigger_is_re_evaluated_on_every_listed_device_state_and_status_and_nothing_else()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(TriggerJson(h, Multi("atLeastOneDeviceStateCondition", ">", "26", LivingRoom, Kitchen)));

        foreach (var url in new[] { LivingRoom, Kitchen })
        {
            Assert.Equal(1, await ProcessAsync(h, url, DeviceState.Of(Temperature, 20.0)));
            Assert.Equal(1, await ProcessAsync(h, url, DeviceState.Of(ConditionDependenciesStatus, "available")));
            Assert.Equal(0, await ProcessAsync(h, url, DeviceState.Of("core:LuminanceState", 100)));
        }
        Assert.Equal(0, await ProcessAsync(h, Awning, DeviceState.Of(Temperature, 20.0)));
        Assert.Equal(0, await ProcessAsync(h, Awning, DeviceState.Of(ConditionDependenciesStatus, "available")));
    }

    [Fact]
    public async Task A_dual_trigger_depends_on_both_states_and_both_statuses()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(TriggerJson(h, Dual("EQUALS", Awning, "core:OpenClosedState", Kitchen, "core:NameState")));

        Assert.Equal(1, await ProcessAsync(h, Awning, DeviceState.Of("core:OpenClosedState", "open")));
        Assert.Equal(1, await ProcessAsync(h, Kitchen, DeviceState.Of("core:NameState", "open")));
        Assert.Equal(1, await ProcessAsync(h, Awning, DeviceState.Of(ConditionDependenciesStatus, "available")));
        Assert.Equal(1, await ProcessAsync(h, Kitchen, DeviceState.Of(ConditionDependenciesStatus, "available")));
        Assert.Equal(0, await ProcessAsync(h, Kitchen, DeviceState.Of("core:OpenClosedState", "open")));
        Assert.Equal(0, await ProcessAsync(h, Awning, DeviceState.Of("core:NameState", "open")));
        Assert.Equal(0, await ProcessAsync(h, LivingRoom, DeviceState.Of(ConditionDependenciesStatus, "available")));
    }

    [Fact]
    public async Task An_at_least_one_trigger_fires_when_the_second_device_gets_hot()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var root = Multi("atLeastOneDeviceStateCondition", "GREATER_THAN", "26", LivingRoom, Kitchen).Replace("\"type\"", "\"activationDelay\":600,\"type\"", StringComparison.Ordinal);
        await h.CreateAsync(TriggerJson(h, root));

        await h.SetTemperatureAsync(27, AutomationHarness.Kitchen);
        await h.AdvanceAsync(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, h.Triggers.Fired);
        await h.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1, h.Triggers.Fired);
    }

    // ---- condition groups ----

    [Fact]
    public async Task A_condition_group_with_at_least_one_follows_the_live_states()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var group = await h.ConditionGroups.CreateAsync(Read($$"""
            {"label":"Somewhere hot","conditions":[
              {{Multi("atLeastOneDeviceStateCondition", "GREATER_THAN", "26", LivingRoom, Kitchen)}},
              {"staticDeviceStateCondition":{"deviceURL":"{{Awning}}","stateName":"core:OpenClosedState","operator":"EQUALS","value1":"closed"} }]}
            """), default);

        var cold = h.ConditionGroups.Evaluate(group.Oid);
        Assert.Equal("FAILED", cold.EvaluationStatus);
        Assert.Equal([LivingRoom, Kitchen], cold.InvalidatingDevices);

        await h.SetTemperatureAsync(26.5, AutomationHarness.Kitchen);
        var hot = h.ConditionGroups.Evaluate(group.Oid);
        Assert.Equal("SUCCESS", hot.EvaluationStatus);
        Assert.Empty(hot.FailedDevices);
    }

    [Fact]
    public async Task The_overkiz_json_shapes_are_read_stored_and_reloaded()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var json = $$"""
            {"label":"Overkiz shapes","conditions":[
              {"dualDeviceStateCondition":{"activationDelay":0,"deactivationDelay":0,"deviceURL1":"{{LivingRoom}}","stateName1":"core:TemperatureState",
                "deviceURL2":"{{Kitchen}}","stateName2":"core:TemperatureState","operator":"GREATER_THAN"} },
              {"atLeastOneDeviceStateCondition":{"activationDelay":0,"deactivationDelay":0,"stateName":"core:TemperatureState","operator":"BETWEEN_INCLUSIVE",
                "value1":"20","value2":"30","type":"RETRIGGERABLE_ON_STATE_TRANSITION","deviceURLs":["{{LivingRoom}}","{{Kitchen}}"]} },
              {"allDevicesStateCondition":{"stateName":"core:TemperatureState","operator":"LOWER_THAN","value1":"25","type":"EVENT_BASED",
                "deviceURLs":["{{LivingRoom}}","{{Kitchen}}"]} }]}
            """;

        var group = await h.ConditionGroups.CreateAsync(Read(json), default);

        var dual = group.Conditions[0].DualDeviceStateCondition!;
        Assert.Equal((LivingRoom, Temperature, Kitchen, Temperature, "GREATER_THAN"), (dual.DeviceUrl1, dual.StateName1, dual.DeviceUrl2, dual.StateName2, dual.Operator));
        var any = group.Conditions[1].AtLeastOneDeviceStateCondition!;
        Assert.Equal([LivingRoom, Kitchen], any.DeviceUrls);
        Assert.Equal(("20", "30", "RETRIGGERABLE_ON_STATE_TRANSITION"), (any.Value1!.Value.GetString(), any.Value2!.Value.GetString(), any.Type));
        Assert.Equal("LOWER_THAN", group.Conditions[2].AllDevicesStateCondition!.Operator);
        Assert.Equal("SUCCESS", h.ConditionGroups.Evaluate(group.Oid).EvaluationStatus);   // 22 > 21, both in 20..30, both < 25

        var stored = h.Settings.Values[ConditionGroupService.SettingKey];
        foreach (var name in new[] { "dualDeviceStateCondition", "deviceURL1", "stateName2", "atLeastOneDeviceStateCondition", "allDevicesStateCondition", "deviceURLs" })
            Assert.Contains($"\"{name}\"", stored);
        var reloaded = new ConditionGroupService(h.Settings, h.Registry, h.Bus, EngineHarness.Identity, h.Time);
        await reloaded.LoadAsync(default);
        Assert.Equal(Kitchen, reloaded.Find(group.Oid)!.Conditions[0].DualDeviceStateCondition!.DeviceUrl2);
        Assert.Equal("SUCCESS", reloaded.Evaluate(group.Oid).EvaluationStatus);
    }

    [Fact]
    public async Task The_overkiz_trigger_sample_with_both_delays_on_the_root_is_accepted()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var root = $$"""
            {"dualDeviceStateCondition":{"activationDelay":1,"deactivationDelay":3,"deviceURL1":"{{LivingRoom}}","stateName1":"core:TemperatureState",
              "deviceURL2":"{{Kitchen}}","stateName2":"core:TemperatureState","operator":"LOWER_THAN"} }
            """;

        var trigger = await h.CreateAsync(TriggerJson(h, root));

        var dual = trigger.RootConditionBlock!.DualDeviceStateCondition!;
        Assert.Equal(((int?)1, (int?)3), (dual.ActivationDelay, dual.DeactivationDelay));
    }

    // ---- helpers ----

    private const string ConditionDependenciesStatus = "core:StatusState";

    /// <summary>The condition's three-valued result, told apart by evaluating it and its negation.</summary>
    private static async Task<string> TruthAsync(AutomationHarness h, string condition)
    {
        var plain = (await EvaluateAsync(h, condition)).EvaluationStatus == "SUCCESS";
        var negated = (await EvaluateAsync(h, $$"""{"notBlock":{"subConditionBlocks":[{{condition}}]} }""")).EvaluationStatus == "SUCCESS";
        return (plain, negated) switch
        {
            (true, false) => "True",
            (false, true) => "False",
            (false, false) => "Unknown",
            _ => throw new InvalidOperationException("a condition and its negation both hold"),
        };
    }

    private static async Task<ConditionGroupEvaluation> EvaluateAsync(AutomationHarness h, string condition)
    {
        var group = await h.ConditionGroups.CreateAsync(Read($$"""{"label":"Test","conditions":[{{condition}}]}"""), default);
        return h.ConditionGroups.Evaluate(group.Oid);
    }

    private static Task<int> ProcessAsync(AutomationHarness h, string url, DeviceState state) =>
        h.Triggers.ProcessAsync(new DeviceStateChangedEvent(url, [state])).AsTask();

    private static string TriggerJson(AutomationHarness h, string root) => $$"""
        {"ifThenSetupTrigger":{"label":"Multi-device","mode":1,"rootConditionBlock":{{root}},
          "effects":[{"actionGroupEffect":{"actionGroupOID":"{{h.LowerAwningOid}}"} }]} }
        """;

    private static string Devices(string condition) => condition
        .Replace("\"LR\"", $"\"{LivingRoom}\"", StringComparison.Ordinal)
        .Replace("\"K\"", $"\"{Kitchen}\"", StringComparison.Ordinal)
        .Replace("\"GONE\"", "\"test://1234-5678-9012/99\"", StringComparison.Ordinal);

    private static ConditionGroup Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AutomationRequestReader.ReadConditionGroup(document.RootElement);
    }
}
