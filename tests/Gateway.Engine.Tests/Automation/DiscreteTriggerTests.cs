using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;

namespace Gateway.Engine.Tests.Automation;

/// <summary>
/// Discrete triggers on the awning's open/closed state: each value runs its own action group after its own delay,
/// and a value must be left before it fires again.
/// </summary>
public class DiscreteTriggerTests
{
    private static readonly DateTime MondayNoon = new(2026, 6, 1, 12, 0, 0);
    private const string OpenClosed = "core:OpenClosedState";

    [Fact]
    public async Task Each_value_runs_its_own_effects_after_its_own_delay_and_again_after_leaving_it()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var retract = await RetractGroupAsync(h);
        var trigger = await CreateAsync(h, DiscreteJson(h, retract, """{"map":{"open":60}}"""));

        await h.SetAsync(AutomationHarness.Awning, DeviceState.Of(OpenClosed, "open"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(0, h.Triggers.Fired);
        await h.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1, h.Triggers.Fired);
        Assert.Equal(1, await h.RunsAfterSettlingAsync());
        Assert.Contains(h.Executions.Started.Values, r => r.Source == $"trigger:{trigger.Oid}" && r.Label == "Lower the awning");

        await h.SetAsync(AutomationHarness.Awning, DeviceState.Of(OpenClosed, "closed"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, h.Triggers.Fired);
        Assert.Equal(2, await h.RunsAfterSettlingAsync());
        Assert.Contains(h.Executions.Started.Values, r => r.Label == "Retract the awning");

        await h.SetAsync(AutomationHarness.Awning, DeviceState.Of(OpenClosed, "open"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.Equal(3, h.Triggers.Fired);
    }

    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 1)]
    public async Task With_execute_always_every_report_of_a_value_fires_even_unchanged(bool executeAlways, int expected)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var retract = await RetractGroupAsync(h);
        var json = DiscreteJson(h, retract, "{\"map\":{}}").Replace("\"executeAlways\":false", $"\"executeAlways\":{(executeAlways ? "true" : "false")}", StringComparison.Ordinal);
        await CreateAsync(h, json);

        foreach (var _ in Enumerable.Range(0, 3))
        {
            await h.SetAsync(AutomationHarness.Awning, DeviceState.Of(OpenClosed, "open"));   // the same value, reported again
            await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(expected, h.Triggers.Fired);
        Assert.Equal(expected, await h.RunsAfterSettlingAsync());
    }

    [Fact]
    public async Task A_value_left_before_its_delay_does_not_fire_and_the_status_names_each_value()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var retract = await RetractGroupAsync(h);
        var trigger = await CreateAsync(h, DiscreteJson(h, retract, """{"map":{"open":60,"closed":60}}"""));

        await h.SetAsync(AutomationHarness.Awning, DeviceState.Of(OpenClosed, "open"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        var status = await h.Triggers.StatusAsync(trigger.Oid!, default);
        Assert.Equal(["open", "closed"], status.SubTriggersStatus.Select(s => s.TriggerName));
        Assert.Equal([true, false], status.SubTriggersStatus.Select(s => s.Active));
        Assert.NotNull(status.ActivationDeadline);

        await h.SetAsync(AutomationHarness.Awning, DeviceState.Of(OpenClosed, "closed"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(0, h.Triggers.Fired);
        await h.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1, h.Triggers.Fired);
        await h.RunsAfterSettlingAsync();
        Assert.DoesNotContain(h.Executions.Started.Values, r => r.Label == "Lower the awning");
    }

    [Fact]
    public async Task Survives_a_restart_during_a_value_delay_and_can_be_tested_per_value()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var retract = await RetractGroupAsync(h);
        var trigger = await CreateAsync(h, DiscreteJson(h, retract, """{"map":{"open":600}}"""));

        await h.SetAsync(AutomationHarness.Awning, DeviceState.Of(OpenClosed, "open"));
        await h.AdvanceAsync(TimeSpan.FromMinutes(4));
        await h.RestartEngineAsync(TimeSpan.FromMinutes(2));
        Assert.Single(h.Triggers.AllDiscrete());
        await h.AdvanceAsync(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(58));
        Assert.Equal(0, h.Triggers.Fired);
        await h.AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(1, h.Triggers.Fired);

        var before = h.Executions.Started.Count;
        await h.Triggers.TestDiscreteAsync(trigger.Oid!, "closed", default);
        Assert.Equal(before + 1, h.Executions.Started.Count);
        var error = await Assert.ThrowsAsync<OverkizException>(() => h.Triggers.TestDiscreteAsync(trigger.Oid!, "ajar", default));
        Assert.Contains("ajar", error.Error.Error);
    }

    [Theory]
    [InlineData("\"key\":\"closed\"", "\"key\":\"open\"", "appears twice")]
    [InlineData("\"key\":\"closed\"", "\"key\":\"\"", "needs a key")]
    [InlineData("\"stateName\":\"core:OpenClosedState\"", "\"stateName\":\"\"", "needs a stateName")]
    [InlineData("{\"map\":{\"open\":60}}", "{\"map\":{\"ajar\":60}}", "no effects")]
    [InlineData("\"deviceURL\":\"test://1234-5678-9012/20\"", "\"deviceURL\":\"test://1234-5678-9012/99\"", "No such device")]
    public async Task Malformed_discrete_triggers_are_refused_whole(string find, string replace, string message)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var retract = await RetractGroupAsync(h);
        var json = DiscreteJson(h, retract, "{\"map\":{\"open\":60}}").Replace(find, replace, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<OverkizException>(() => CreateAsync(h, json));

        Assert.Equal(400, error.Error.Status);
        Assert.Contains(message, error.Error.Error);
        Assert.Empty(h.Triggers.AllDiscrete());
    }

    [Fact]
    public async Task A_deactivation_delay_keeps_a_fired_trigger_from_firing_again_after_a_short_dip()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(h.HotAfternoonJson(delaySeconds: 60).Replace("\"activationDelay\":60", "\"activationDelay\":60,\"deactivationDelay\":300", StringComparison.Ordinal));

        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.Equal(1, h.Triggers.Fired);

        await h.SetTemperatureAsync(25);                   // a dip of two minutes: still "hot" as far as the trigger goes
        await h.AdvanceAsync(TimeSpan.FromMinutes(2));
        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(1, h.Triggers.Fired);

        await h.SetTemperatureAsync(25);                   // cool for longer than the deactivation delay
        await h.AdvanceAsync(TimeSpan.FromMinutes(3));
        await h.RestartEngineAsync(TimeSpan.FromMinutes(1));     // the countdown survives a restart...
        await h.SetTemperatureAsync(27);                   // ...so a rise one minute before its end does not fire
        await h.AdvanceAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(0, h.Triggers.Fired);
        await h.SetTemperatureAsync(25);
        await h.AdvanceAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.Equal(1, h.Triggers.Fired);                  // the restarted engine's first firing
        Assert.Equal(2, h.Runs);
    }

    [Fact]
    public async Task An_effect_may_carry_its_own_managed_action_group_instead_of_a_stored_one()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var awning = AutomationHarness.Url(AutomationHarness.Awning);
        var json = h.HotAfternoonJson(delaySeconds: 0).Replace($"\"actionGroupOID\":\"{h.LowerAwningOid}\"",
            $$"""
            "localActionGroup":{"label":"Half-lower the awning","actions":[{"deviceURL":"{{awning}}","commands":[{"name":"setDeployment","parameters":[50]}]}]}
            """, StringComparison.Ordinal);
        var trigger = await h.CreateAsync(json);

        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await h.RunsAfterSettlingAsync());
        var run = Assert.Single(h.Executions.Started.Values, r => r.Source == $"trigger:{trigger.Oid}");
        Assert.Equal("Half-lower the awning", run.Label);
        Assert.Equal("setDeployment", run.Actions.Single().Commands.Single().Name);
        Assert.DoesNotContain(h.ActionGroups.All(), g => g.Label == "Half-lower the awning");
    }

    private static async Task<string> RetractGroupAsync(AutomationHarness h)
    {
        var group = await h.ActionGroups.CreateAsync(new ActionGroupDraft("Retract the awning",
            [new ActionRecord(AutomationHarness.Url(AutomationHarness.Awning), [new CommandRecord("undeploy", null, null)])], null, false, 0, null, null, null), default);
        return group.Oid;
    }

    private static string DiscreteJson(AutomationHarness h, string retractOid, string activationDelays) => $$"""
        {"discreteTrigger":{"label":"Awning follows its state","mode":1,"deviceURL":"{{AutomationHarness.Url(AutomationHarness.Awning)}}",
          "stateName":"core:OpenClosedState","executeAlways":false,
          "effectsList":[
            {"key":"open","effects":[{"actionGroupEffect":{"actionGroupOID":"{{h.LowerAwningOid}}"} }]},
            {"key":"closed","effects":[{"actionGroupEffect":{"actionGroupOID":"{{retractOid}}"} }]}],
          "activationDelays":{{activationDelays}} } }
        """;

    private static async Task<DiscreteTrigger> CreateAsync(AutomationHarness h, string json)
    {
        using var document = JsonDocument.Parse(json);
        var envelope = AutomationRequestReader.ReadSetupTrigger(document.RootElement);
        var trigger = await h.Triggers.CreateAsync(envelope.Discrete!, allowExecuteOnCreate: false, default);
        await h.Triggers.WhenIdleAsync();
        return trigger;
    }
}
