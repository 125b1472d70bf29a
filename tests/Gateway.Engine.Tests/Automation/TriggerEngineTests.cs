using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Model;
using Gateway.Engine.Automation;

namespace Gateway.Engine.Tests.Automation;

/// <summary>
/// "If the living-room temperature stays above 26 °C for 10 minutes between 11:00 and 18:00 on weekdays, lower the
/// awning", on a manual clock in Paris. 2026-06-01 is a Monday; 2026-06-06 a Saturday.
/// </summary>
public class TriggerEngineTests
{
    private static readonly DateTime MondayNoon = new(2026, 6, 1, 12, 0, 0);
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("""{"weekHours":{"startMinutes":660,"stopMinutes":1080,"dayMask":31}}""")]
    [InlineData("""{"weeklySchedule":{"startMinutes":660,"stopMinutes":1080,"startType":"TIME","stopType":"TIME","startDay":2,"stopDay":6}}""")]
    public async Task Fires_once_after_ten_minutes_above_26_inside_the_weekday_window(string window)
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var trigger = await h.CreateAsync(h.HotAfternoonJson(window));

        await h.SetTemperatureAsync(26.5);
        await h.AdvanceAsync(Delay - Second);
        Assert.Equal(0, h.Triggers.Fired);

        await h.AdvanceAsync(2 * Second);
        Assert.Equal(1, h.Triggers.Fired);
        Assert.Equal(1, await h.RunsAfterSettlingAsync());
        Assert.Contains(h.Executions.Started.Values, r => r.Source == $"trigger:{trigger.Oid}" && r.Label == "Lower the awning");
    }

    [Fact]
    public async Task Does_not_fire_when_the_temperature_drops_back_at_nine_minutes()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(h.HotAfternoonJson());

        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromMinutes(9));
        await h.SetTemperatureAsync(25);
        await h.AdvanceAsync(TimeSpan.FromMinutes(20));

        Assert.Equal(0, h.Triggers.Fired);
        Assert.Equal(0, h.Runs);
    }

    [Fact]
    public async Task Does_not_fire_at_seven_in_the_evening_nor_when_the_window_closes_during_the_delay()
    {
        await using var h = await AutomationHarness.StartAsync(new DateTime(2026, 6, 1, 17, 55, 0));
        await h.CreateAsync(h.HotAfternoonJson());

        await h.SetTemperatureAsync(27);                 // 17:55: would be due at 18:05, after the window
        await h.AdvanceAsync(TimeSpan.FromMinutes(65));  // 19:00
        await h.SetTemperatureAsync(25);
        await h.SetTemperatureAsync(28);                 // a fresh rise at 19:00
        await h.AdvanceAsync(TimeSpan.FromMinutes(30));

        Assert.Equal(0, h.Triggers.Fired);
    }

    [Fact]
    public async Task Does_not_fire_on_a_saturday()
    {
        await using var h = await AutomationHarness.StartAsync(new DateTime(2026, 6, 6, 12, 0, 0));
        await h.CreateAsync(h.HotAfternoonJson());

        await h.SetTemperatureAsync(30);
        await h.AdvanceAsync(TimeSpan.FromMinutes(30));

        Assert.Equal(0, h.Triggers.Fired);
    }

    [Fact]
    public async Task Fires_only_once_until_the_temperature_goes_back_below_and_up_again()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(h.HotAfternoonJson());

        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(Delay + Second);
        await h.SetTemperatureAsync(28);                 // still above: no new activation
        await h.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(1, h.Triggers.Fired);

        await h.SetTemperatureAsync(24);
        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(Delay + Second);
        Assert.Equal(2, h.Triggers.Fired);
        Assert.Equal(2, await h.RunsAfterSettlingAsync());
    }

    [Fact]
    public async Task Entering_the_window_while_the_condition_holds_counts_the_delay_from_the_window_opening()
    {
        await using var h = await AutomationHarness.StartAsync(new DateTime(2026, 6, 1, 10, 30, 0));
        await h.CreateAsync(h.HotAfternoonJson());

        await h.SetTemperatureAsync(27);                 // 10:30, outside the window
        await h.AdvanceAsync(TimeSpan.FromMinutes(39));  // 11:09
        Assert.Equal(0, h.Triggers.Fired);
        await h.AdvanceAsync(TimeSpan.FromMinutes(1) + Second);   // 11:10
        Assert.Equal(1, h.Triggers.Fired);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_delay_still_fires_at_the_original_deadline()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var trigger = await h.CreateAsync(h.HotAfternoonJson());
        await h.SetTemperatureAsync(27);
        var deadline = h.Time.GetUtcNow() + Delay;
        await h.AdvanceAsync(TimeSpan.FromMinutes(4));
        Assert.Contains(trigger.Oid!, h.Settings.Values[TriggerEngine.RuntimeKey]);

        await h.RestartEngineAsync(TimeSpan.FromMinutes(2));   // off from 12:04 to 12:06
        Assert.Equal(trigger.Oid, Assert.Single(h.Triggers.All()).Oid);
        await h.AdvanceAsync(deadline - h.Time.GetUtcNow() - Second);
        Assert.Equal(0, h.Triggers.Fired);
        await h.AdvanceAsync(2 * Second);
        Assert.Equal(1, h.Triggers.Fired);
        Assert.Equal(1, await h.RunsAfterSettlingAsync());
    }

    [Fact]
    public async Task A_deadline_missed_by_less_than_five_minutes_fires_at_start_and_one_missed_by_more_is_dropped()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(h.HotAfternoonJson());
        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));

        await h.RestartEngineAsync(TimeSpan.FromMinutes(8));   // due at 12:10, back at 12:13
        await h.Triggers.WhenIdleAsync();
        Assert.Equal(1, h.Triggers.Fired);
        Assert.Equal(1, await h.RunsAfterSettlingAsync());

        await h.SetTemperatureAsync(20);
        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));
        await h.RestartEngineAsync(TimeSpan.FromMinutes(15));  // due 5 minutes later, back 10 minutes after that
        await h.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(0, h.Triggers.Fired);                     // counted since this engine started
        Assert.Equal(1, h.Runs);
    }

    [Fact]
    public async Task The_condition_must_still_hold_after_a_restart()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(h.HotAfternoonJson());
        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));

        await h.RestartEngineAsync(TimeSpan.FromMinutes(1),
            whileOff: () => h.Registry.Apply("test", new Core.Radio.StatesReported(AutomationHarness.LivingRoom, [DeviceState.Of("core:TemperatureState", 22.0)])));
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(0, h.Triggers.Fired);
    }

    [Fact]
    public async Task Clock_jumps_do_not_fire_a_trigger_twice()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(h.HotAfternoonJson());
        await h.SetTemperatureAsync(27);
        await h.AdvanceAsync(TimeSpan.FromMinutes(9));

        await h.JumpAsync(TimeSpan.FromMinutes(5));            // NTP moves the clock past the deadline
        await h.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(1, h.Triggers.Fired);

        await h.JumpAsync(TimeSpan.FromMinutes(-20));          // and back before it
        await h.AdvanceAsync(TimeSpan.FromMinutes(25));
        Assert.Equal(1, h.Triggers.Fired);
        Assert.Equal(1, await h.RunsAfterSettlingAsync());
    }

    [Fact]
    public async Task A_state_change_on_an_unrelated_device_or_state_evaluates_no_trigger()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.CreateAsync(h.HotAfternoonJson());
        var before = h.Triggers.Evaluations;

        await h.SetTemperatureAsync(30, AutomationHarness.Kitchen);
        await h.SetAsync(AutomationHarness.Awning, DeviceState.Of("core:DeploymentState", 50));
        Assert.Equal(before, h.Triggers.Evaluations);

        await h.SetTemperatureAsync(23);
        Assert.Equal(before + 1, h.Triggers.Evaluations);
    }

    [Fact]
    public async Task A_condition_already_true_when_the_trigger_is_created_waits_for_a_fresh_transition()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        await h.SetTemperatureAsync(28);
        await h.CreateAsync(h.HotAfternoonJson());
        await h.AdvanceAsync(TimeSpan.FromMinutes(15));
        Assert.Equal(0, h.Triggers.Fired);

        await using var other = await AutomationHarness.StartAsync(MondayNoon);
        await other.SetTemperatureAsync(28);
        await other.CreateAsync(other.HotAfternoonJson(), allowExecuteOnCreate: true);
        await other.AdvanceAsync(Delay + Second);
        Assert.Equal(1, other.Triggers.Fired);
    }

    [Fact]
    public async Task A_trigger_switched_off_does_not_fire_and_deleting_it_cancels_its_activation()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var first = await h.CreateAsync(h.HotAfternoonJson());
        await h.Triggers.SetModeAsync(first.Oid!, TriggerModes.Off, false, default);
        var second = await h.CreateAsync(h.HotAfternoonJson());

        await h.SetTemperatureAsync(27);
        Assert.NotNull((await h.Triggers.StatusAsync(second.Oid!, default)).ActivationDeadline);
        await h.Triggers.DeleteAsync(second.Oid!, default);
        await h.AdvanceAsync(Delay + Second);

        Assert.Equal(0, h.Triggers.Fired);
        Assert.Equal(TriggerModes.Off, h.Triggers.Find(first.Oid!)!.Mode);
        Assert.Contains(h.Sink.Of<SetupTriggerEvent>(), e => e.Name == "SetupTriggerDeletedEvent" && e.SetupTriggerOid == second.Oid);
        Assert.Contains(h.Sink.Of<SetupTriggerModeChangedEvent>(), e => e.SetupTriggerOid == first.Oid && e.NewMode == TriggerModes.Off);
    }

    [Fact]
    public async Task A_trigger_on_a_condition_group_follows_the_group()
    {
        await using var h = await AutomationHarness.StartAsync(MondayNoon);
        var group = await h.ConditionGroups.CreateAsync(Group($$"""
            {"label":"Hot","conditions":[{"staticDeviceStateCondition":{"deviceURL":"{{AutomationHarness.Url(AutomationHarness.Kitchen)}}",
              "stateName":"core:TemperatureState","operator":">","value1":30} }]}
            """), default);
        await h.CreateAsync($$"""
            {"ifThenSetupTrigger":{"label":"Kitchen","rootConditionBlock":{"andBlock":{"activationDelay":60,"subConditionBlocks":[
              {"conditionGroupReference":{"conditionGroupOID":"{{group.Oid}}"} }]} },
              "effects":[{"actionGroupEffect":{"actionGroupOID":"{{h.LowerAwningOid}}"} }]} }
            """);

        await h.SetTemperatureAsync(29, AutomationHarness.Kitchen);
        await h.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(0, h.Triggers.Fired);

        await h.ConditionGroups.UpdateAsync(Group($$"""
            {"oid":"{{group.Oid}}","label":"Warm","conditions":[{"staticDeviceStateCondition":{"deviceURL":"{{AutomationHarness.Url(AutomationHarness.Kitchen)}}",
              "stateName":"core:TemperatureState","operator":">","value1":28} }]}
            """), default);
        await h.Triggers.WhenIdleAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(1) + Second);
        Assert.Equal(1, h.Triggers.Fired);
    }

    private static ConditionGroup Group(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AutomationRequestReader.ReadConditionGroup(document.RootElement);
    }
}
