using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Model;
using Gateway.Engine.Automation.CommandScheduling;
using static Gateway.Engine.Tests.Automation.CommandSchedulingHarness;

namespace Gateway.Engine.Tests.Automation;

/// <summary>Generic and delayed command-scheduling triggers on the wall clock: local times, DST, restrictions, restarts and clock jumps.</summary>
public class CommandSchedulingTests
{
    private static readonly DateOnly JuneMonday = new(2026, 6, 15);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static JsonElement Json(string raw) => JsonDocument.Parse(raw).RootElement.Clone();

    private static StateRestriction Restriction(string name, string rawValue) => new() { StateName = name, StateValue = Json(rawValue) };

    // ---- cloud reports ----

    [Fact]
    public async Task Each_change_stores_its_cloud_report_with_the_definitions_and_publishes_that_same_event()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 0));
        var generic = await h.Service.CreateAsync(Daily(7 * 60), default);
        var delayed = await h.Service.CreateAsync(OneShot(JuneMonday, 20 * 60), default);
        await h.Service.SetModeAsync(generic.Oid!, 2, default);
        await h.Service.UpdateAsync(delayed with { Label = "New year" }, default);
        await h.Service.DeleteAsync(generic.Oid!, default);

        var carried = h.Reports.Carried.ToList();
        Assert.Equal(["SetupTriggerCreatedEvent", "SetupTriggerCreatedEvent", "SetupTriggerModeChangedEvent", "SetupTriggerUpdatedEvent", "SetupTriggerDeletedEvent"],
            carried.Select(e => e.Name));
        // The last write of the definitions carried the last report: the same transaction, not a later one.
        var stored = Assert.Single(h.Settings.Uplink[CommandSchedulingTriggerService.DefinitionsKey]);
        Assert.Equal("SetupTriggerDeletedEvent", System.Text.Encoding.UTF8.GetString(stored.Payload));
        // What the bus carried is the very object the store committed with, so the cloud writer skips it.
        List<Gateway.Core.Events.GatewayEvent> Published() => h.Engine.Sink.Events.Where(e => e.Name.StartsWith("SetupTrigger", StringComparison.Ordinal)).ToList();
        await WaitAsync(() => Published().Count >= carried.Count);
        var published = Published();
        Assert.Equal(carried.Count, published.Count);
        Assert.All(carried.Zip(published), pair => Assert.Same(pair.First, pair.Second));
    }

    // ---- generic: daily firing ----

    [Fact]
    public async Task A_daily_time_fires_on_the_dot_every_day_with_its_parameters_and_the_trigger_as_source()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 59, 50, 500)); // the 1 s tick runs at .500
        var trigger = await h.Service.CreateAsync(Daily(420), default);
        var status = await h.Service.StatusAsync(trigger.Oid!, default);
        Assert.Equal(Local(JuneMonday, 7, 0).ToUnixTimeMilliseconds(), status.ActivationDeadline);

        h.Time.Advance(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(10));
        await WaitAsync(() => h.Runs.Count == 1);
        var first = h.Registered[0];
        Assert.Equal($"trigger:{trigger.Oid}", first.Source);
        Assert.Equal(["setClosure"], first.Commands);
        Assert.InRange(first.At, Local(JuneMonday, 7, 0), Local(JuneMonday, 7, 0) + TimeSpan.FromMilliseconds(20)); // the armed timer, not the tick
        var request = h.Engine.Executions.Started.Values.Single(r => r.Source == $"trigger:{trigger.Oid}");
        Assert.Equal((h.Service.FindGeneric(trigger.Oid!)!.DeviceUrl, 30), (request.Actions[0].DeviceUrl, request.Actions[0].Commands[0].Parameters![0].GetInt32()));
        Assert.Equal("trigger", request.Owner);

        h.AdvanceTo(Local(JuneMonday.AddDays(1), 7, 5), FiveMinutes);
        await WaitAsync(() => h.Runs.Count == 2);
        Assert.InRange(h.Registered[1].At, Local(JuneMonday.AddDays(1), 7, 0), Local(JuneMonday.AddDays(1), 7, 0) + FiveMinutes);
        Assert.Equal(2, h.Service.Fired);
    }

    [Fact]
    public async Task On_the_spring_forward_day_a_0230_schedule_fires_once_at_0300()
    {
        var day = new DateOnly(2026, 3, 29);
        await using var h = await StartAsync(day, new TimeOnly(1, 0));
        await h.Service.CreateAsync(Daily(150), default);

        h.AdvanceTo(Local(day, 5, 0));
        await WaitAsync(() => h.Runs.Count == 1);
        await SettleAsync();
        Assert.Single(h.Runs);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), h.Registered[0].At); // 03:00 CEST

        h.AdvanceTo(Local(day.AddDays(1), 3, 0), FiveMinutes); // the next day, an ordinary 02:30 CEST
        await WaitAsync(() => h.Runs.Count == 2);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero), h.Registered[1].At);
    }

    [Fact]
    public async Task On_the_fall_back_day_a_0230_schedule_fires_once_at_the_first_0230()
    {
        var day = new DateOnly(2026, 10, 25);
        await using var h = await StartAsync(day, new TimeOnly(1, 0));
        await h.Service.CreateAsync(Daily(150), default);

        h.Time.Advance(TimeSpan.FromHours(4), TimeSpan.FromMinutes(1)); // 01:00 CEST → 04:00 CET, through both 02:30s
        await WaitAsync(() => h.Runs.Count == 1);
        await SettleAsync();
        Assert.Single(h.Runs);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), h.Registered[0].At); // 02:30 CEST
    }

    // ---- restrictions, disabled schedules, mode ----

    [Fact]
    public async Task State_restrictions_block_or_allow_a_firing_by_the_device_state_and_unknown_states_follow_allowFromUnknownValue()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 50));
        h.SetState("1", DeviceState.Of("core:OpenClosedState", "open"));
        var closedOnly = await h.Service.CreateAsync(Daily(420) with { Label = "closed only", StateRestrictions = [Restriction("core:OpenClosedState", "\"closed\"")] }, default);
        var atZero = await h.Service.CreateAsync(Daily(420) with { Label = "number", StateRestrictions = [Restriction("core:ClosureState", "0")] }, default);
        var unknown = await h.Service.CreateAsync(Daily(420) with { Label = "unknown", StateRestrictions = [Restriction("core:NoSuchState", "\"x\"")] }, default);
        var unknownAllowed = await h.Service.CreateAsync(Daily(420) with
        {
            Label = "unknown allowed", AllowFromUnknownValue = true, StateRestrictions = [Restriction("core:NoSuchState", "\"x\"")],
        }, default);

        h.AdvanceTo(Local(JuneMonday, 7, 5));
        await WaitAsync(() => h.Runs.Count == 2);
        await SettleAsync();
        Assert.Equal(new[] { $"trigger:{atZero.Oid}", $"trigger:{unknownAllowed.Oid}" }.Order(StringComparer.Ordinal), h.Runs.Order(StringComparer.Ordinal));
        Assert.DoesNotContain($"trigger:{closedOnly.Oid}", h.Runs);
        Assert.DoesNotContain($"trigger:{unknown.Oid}", h.Runs);

        h.SetState("1", DeviceState.Of("core:OpenClosedState", "closed"));
        h.AdvanceTo(Local(JuneMonday.AddDays(1), 7, 5), FiveMinutes);
        await WaitAsync(() => h.Runs.Count == 5);
        await SettleAsync();
        Assert.Single(h.Runs, r => r == $"trigger:{closedOnly.Oid}");
        Assert.DoesNotContain($"trigger:{unknown.Oid}", h.Runs);
    }

    [Fact]
    public async Task A_disabled_schedule_and_a_trigger_in_mode_2_do_not_fire_and_switching_back_on_does_not_catch_up()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 50));
        var twoSchedules = await h.Service.CreateAsync(Generic($$$"""
            {"label":"Two schedules","mode":1,"deviceURL":"{{{Url("2")}}}","commandFunctionName":"setClosure",
             "commandSchedules":[
               {"scheduleTimes":[{"dailyTime":{"minutesOfDay":420}}],"parameters":[10],"label":"early","enabled":false},
               {"scheduleTimes":[{"dailyTime":{"minutesOfDay":450}}],"parameters":[20],"label":"late","enabled":true}]}
            """), default);
        var off = await h.Service.CreateAsync(Daily(420) with { Mode = TriggerModes.Off }, default);

        h.AdvanceTo(Local(JuneMonday, 7, 40));
        await WaitAsync(() => h.Runs.Count == 1);
        Assert.Equal(Local(JuneMonday, 7, 30), h.Registered[0].At);
        var status = await h.Service.StatusAsync(twoSchedules.Oid!, default);
        Assert.Equal([("early", false), ("late", true)], status.SubTriggersStatus.Select(s => (s.TriggerName, s.Active)));
        Assert.Null((await h.Service.StatusAsync(off.Oid!, default)).ActivationDeadline);

        await h.Service.SetModeAsync(off.Oid!, TriggerModes.AlwaysOn, default);
        await SettleAsync();
        Assert.Single(h.Runs);
        Assert.Contains(h.Engine.Sink.Of<SetupTriggerModeChangedEvent>(), e => e.SetupTriggerOid == off.Oid && e.NewMode == 1
            && e.SetupTriggerType == SetupTriggerTypes.GenericCommandSchedulingCode);
        Assert.Equal(Local(JuneMonday.AddDays(1), 7, 0).ToUnixTimeMilliseconds(), (await h.Service.StatusAsync(off.Oid!, default)).ActivationDeadline);

        h.AdvanceTo(Local(JuneMonday.AddDays(1), 7, 5), FiveMinutes);
        await WaitAsync(() => h.Runs.Count == 2);
        Assert.Equal($"trigger:{off.Oid}", h.Runs[1]);
    }

    // ---- restarts and clock jumps ----

    [Fact]
    public async Task A_restart_does_not_fire_again_and_catches_up_a_firing_missed_by_less_than_five_minutes()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 50));
        var trigger = await h.Service.CreateAsync(Daily(420, 480), default);
        h.AdvanceTo(Local(JuneMonday, 7, 1));
        await WaitAsync(() => h.Runs.Count == 1);

        await h.RestartAsync(TimeSpan.FromMinutes(1)); // 07:02: 07:00 is within the grace window, but done
        h.AdvanceTo(Local(JuneMonday, 7, 10));
        await SettleAsync();
        Assert.Single(h.Runs);
        Assert.Single(h.Service.AllGeneric(), t => t.Oid == trigger.Oid);

        await h.Service.StopAsync(default); // off over 08:00, back three minutes late
        h.AdvanceTo(Local(JuneMonday, 8, 3));
        await h.RestartAsync(TimeSpan.Zero);
        await WaitAsync(() => h.Runs.Count == 2);
        Assert.Equal(Local(JuneMonday, 8, 3), h.Registered[1].At);

        await h.RestartAsync(TimeSpan.FromMinutes(1));
        await SettleAsync();
        Assert.Equal(2, h.Runs.Count);
    }

    [Fact]
    public async Task A_clock_set_back_an_hour_after_a_firing_does_not_fire_it_again()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 50));
        await h.Service.CreateAsync(Daily(420), default);
        h.AdvanceTo(Local(JuneMonday, 7, 15));
        await WaitAsync(() => h.Runs.Count == 1);

        h.Time.Jump(TimeSpan.FromHours(-1)); // 06:15
        await h.RearmAsync();
        h.AdvanceTo(Local(JuneMonday, 7, 30));
        await SettleAsync();

        Assert.Single(h.Runs);
    }

    [Fact]
    public async Task A_clock_set_forward_three_minutes_past_a_time_fires_it_and_two_hours_past_skips_it()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 58));
        var trigger = await h.Service.CreateAsync(Daily(420, 600), default);

        h.Time.Jump(TimeSpan.FromMinutes(5)); // 06:58 → 07:03
        await WaitAsync(() => h.Runs.Count == 1);
        Assert.Equal(Local(JuneMonday, 7, 3), h.Registered[0].At);

        h.AdvanceTo(Local(JuneMonday, 9, 58), FiveMinutes);
        h.Time.Jump(TimeSpan.FromHours(2)); // 09:58 → 11:58, over 10:00
        h.AdvanceTo(Local(JuneMonday, 12, 10));
        await SettleAsync();

        Assert.Single(h.Runs);
        Assert.Equal(Local(JuneMonday.AddDays(1), 7, 0).ToUnixTimeMilliseconds(), (await h.Service.StatusAsync(trigger.Oid!, default)).ActivationDeadline);
    }

    // ---- delayed ----

    [Fact]
    public async Task A_delayed_trigger_runs_its_commands_once_at_its_local_time_then_shows_it_fired()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 50));
        var trigger = await h.Service.CreateAsync(OneShot(JuneMonday, 420), default);
        var before = await h.Service.StatusAsync(trigger.Oid!, default);
        Assert.True(before.SubTriggersStatus.Single().Active);
        Assert.Equal(Local(JuneMonday, 7, 0).ToUnixTimeMilliseconds(), before.ActivationDeadline);
        Assert.Contains(h.Engine.Sink.Of<SetupTriggerEvent>(), e => e.SetupTriggerOid == trigger.Oid && e.Name == "SetupTriggerCreatedEvent"
            && e.SetupTriggerType == SetupTriggerTypes.DelayedCommandsSchedulingCode && e.SourceDeviceUrls!.SequenceEqual([Url("1")]));

        h.AdvanceTo(Local(JuneMonday, 7, 1));
        await WaitAsync(() => h.Runs.Count == 1);
        var run = h.Registered[0];
        Assert.Equal(($"trigger:{trigger.Oid}", Local(JuneMonday, 7, 0)), (run.Source, run.At));
        Assert.Equal(["setClosure", "stop"], run.Commands); // one action, its commands in order

        var after = await h.Service.StatusAsync(trigger.Oid!, default);
        Assert.False(after.SubTriggersStatus.Single().Active);
        Assert.Null(after.ActivationDeadline);
        var listed = Assert.Single(h.Service.AllDelayed());
        Assert.Equal(("EXECUTED", Local(JuneMonday, 7, 0).ToUnixTimeMilliseconds()), (listed.FiredResult, listed.FiredTime));

        await h.RestartAsync(TimeSpan.FromMinutes(1));
        h.AdvanceTo(Local(JuneMonday.AddDays(1), 7, 5), FiveMinutes);
        await SettleAsync();
        Assert.Single(h.Runs);
        Assert.Equal("EXECUTED", h.Service.FindDelayed(trigger.Oid!)!.FiredResult);
    }

    [Fact]
    public async Task A_delayed_time_past_by_more_than_five_minutes_is_refused_and_one_just_past_runs_at_once()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(12, 0));
        var refused = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(OneShot(JuneMonday, 420), default));
        Assert.Equal((400, "INVALID_PARAMETER"), (refused.Error.Status, refused.Error.ErrorCode));
        Assert.Contains("past", refused.Error.Error);
        var notADate = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(OneShot(JuneMonday, 420) with { CommandMonth = 2, CommandDay = 30 }, default));
        Assert.Equal("INVALID_PARAMETER", notADate.Error.ErrorCode);
        Assert.Empty(h.Service.AllDelayed());

        var late = await h.Service.CreateAsync(OneShot(JuneMonday, 11 * 60 + 57), default); // three minutes ago
        await WaitAsync(() => h.Runs.Count == 1);
        Assert.Equal($"trigger:{late.Oid}", h.Runs[0]);
    }

    // ---- validation ----

    [Fact]
    public async Task An_unknown_device_is_refused_as_no_such_device()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 0));
        var generic = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(Daily(420) with { DeviceUrl = Url("99") }, default));
        Assert.Equal("NO_SUCH_DEVICE", generic.Error.ErrorCode);
        var delayed = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(OneShot(JuneMonday, 420, "99"), default));
        Assert.Equal("NO_SUCH_DEVICE", delayed.Error.ErrorCode);
        Assert.Empty(h.Service.AllGeneric());
    }

    [Fact]
    public async Task A_command_the_device_does_not_have_is_refused()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 0));
        var generic = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(Daily(420) with { CommandFunctionName = "fly" }, default));
        Assert.Equal("INVALID_PARAMETER", generic.Error.ErrorCode);
        Assert.Contains("fly", generic.Error.Error);
        var delayed = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(
            OneShot(JuneMonday, 420) with { CommandCalls = [new CommandCall { CommandFunctionName = "close" }, new CommandCall { CommandFunctionName = "fly" }] }, default));
        Assert.Contains("fly", delayed.Error.Error);
        var parameters = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(Daily(420) with { CommandFunctionName = "close" }, default));
        Assert.Contains("parameter", parameters.Error.Error); // close takes none, the schedule gives 30
    }

    [Fact]
    public async Task A_schedule_time_other_than_dailyTime_is_refused_by_name_and_bad_times_and_counts_are_refused()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 0));
        var weekly = Generic($$$"""
            {"label":"Weekly","deviceURL":"{{{Url("1")}}}","commandFunctionName":"open",
             "commandSchedules":[{"scheduleTimes":[{"weeklyTime":{"dayOfWeek":1,"minutesOfDay":420}}],"enabled":true}]}
            """);
        var refused = await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(weekly, default));
        Assert.Equal("INVALID_PARAMETER", refused.Error.ErrorCode);
        Assert.Contains("weeklyTime", refused.Error.Error);

        foreach (var bad in new[]
        {
            Daily(1440), Daily(-1), Daily(420) with { Label = "" }, Daily(420) with { Mode = 4 }, Daily(420) with { CommandSchedules = [] },
            Daily(Enumerable.Range(0, 11).Select(i => 400 + i).ToArray()),
            Daily(420) with { CommandSchedules = Enumerable.Repeat(Daily(420).CommandSchedules[0], 21).ToList() },
            Daily(420) with { StateRestrictions = [new StateRestriction { StateName = "core:ClosureState" }] },
        })
            Assert.Equal(400, (await Assert.ThrowsAsync<OverkizException>(() => h.Service.CreateAsync(bad, default))).Error.Status);
        Assert.Empty(h.Service.AllGeneric());
    }

    // ---- the rest of the surface ----

    [Fact]
    public async Task Definitions_persist_and_updates_deletes_statuses_and_tests_follow_the_trigger_conventions()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 0));
        var generic = await h.Service.CreateAsync(Daily(420), default);
        var delayed = await h.Service.CreateAsync(OneShot(JuneMonday.AddDays(1), 420), default);
        Assert.Equal(generic.Oid, generic.Id);
        Assert.Contains(h.Engine.Sink.Of<SetupTriggerEvent>(), e => e.SetupTriggerOid == generic.Oid && e.Name == "SetupTriggerCreatedEvent"
            && e.SetupTriggerType == SetupTriggerTypes.GenericCommandSchedulingCode && e.SourceDeviceUrls!.SequenceEqual([Url("1")]));

        await h.RestartAsync(TimeSpan.Zero);
        Assert.Equal(generic.CommandSchedules[0].ScheduleTimes[0], h.Service.FindGeneric(generic.Oid!)!.CommandSchedules[0].ScheduleTimes[0]);
        Assert.Equal(delayed.CommandMinutes, h.Service.FindDelayed(delayed.Oid!)!.CommandMinutes);
        Assert.Contains(CommandSchedulingTriggerService.DefinitionsKey, h.Settings.Values.Keys);

        var updated = await h.Service.UpdateAsync(h.Service.FindGeneric(generic.Oid!)! with { Label = "Renamed" }, default);
        Assert.Equal(("Renamed", generic.CreationTime), (updated.Label, updated.CreationTime));
        Assert.Contains(h.Engine.Sink.Of<SetupTriggerEvent>(), e => e.SetupTriggerOid == generic.Oid && e.Name == "SetupTriggerUpdatedEvent");
        await Assert.ThrowsAsync<OverkizException>(() => h.Service.UpdateAsync(Daily(420) with { Oid = "nope" }, default));
        await Assert.ThrowsAsync<OverkizException>(() => h.Service.UpdateAsync(OneShot(JuneMonday, 600) with { Oid = generic.Oid }, default));

        Assert.Equal(2, (await h.Service.StatusesAsync(null, default)).Count);
        Assert.Equal([delayed.Oid], (await h.Service.StatusesAsync(SetupTriggerTypes.DelayedCommandsScheduling, default)).Select(s => s.TriggerOid));
        Assert.Equal([generic.Oid], (await h.Service.StatusesAsync(SetupTriggerTypes.GenericCommandScheduling, default)).Select(s => s.TriggerOid));

        var execIds = await h.Service.TestAsync(Daily(420), default);
        Assert.Equal("trigger:test", h.Engine.Executions.Started[Assert.Single(execIds)].Source);
        Assert.Single(await h.Service.TestAsync(OneShot(JuneMonday.AddDays(-30), 420), default)); // a test runs now, whatever the date

        await h.Service.DeleteAsync(delayed.Oid!, default);
        Assert.Contains(h.Engine.Sink.Of<SetupTriggerEvent>(), e => e.SetupTriggerOid == delayed.Oid && e.Name == "SetupTriggerDeletedEvent"
            && e.SetupTriggerType == SetupTriggerTypes.DelayedCommandsSchedulingCode);
        var unknown = await Assert.ThrowsAsync<OverkizException>(() => h.Service.DeleteAsync(delayed.Oid!, default));
        Assert.Equal(OverkizError.UnknownObject(), unknown.Error);
        await Assert.ThrowsAsync<OverkizException>(() => h.Service.StatusAsync(delayed.Oid!, default));
        await Assert.ThrowsAsync<OverkizException>(() => h.Service.SetModeAsync(delayed.Oid!, 1, default));
        Assert.Empty(h.Service.AllDelayed());
        Assert.Single(h.Service.AllGeneric());
    }

    [Fact]
    public async Task A_changed_time_fires_again_the_same_day_and_an_unchanged_one_does_not()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 50));
        var trigger = await h.Service.CreateAsync(Daily(420), default);
        h.AdvanceTo(Local(JuneMonday, 7, 10));
        await WaitAsync(() => h.Runs.Count == 1);

        await h.Service.UpdateAsync(trigger with { Label = "Same time" }, default);
        var moved = Daily(540) with { Oid = trigger.Oid };
        await h.Service.UpdateAsync(moved, default);
        h.AdvanceTo(Local(JuneMonday, 9, 10));
        await WaitAsync(() => h.Runs.Count == 2);
        Assert.Equal(Local(JuneMonday, 9, 0), h.Registered[1].At);
    }

    [Fact]
    public async Task An_engine_refusal_at_firing_time_is_logged_and_the_loop_goes_on()
    {
        await using var h = await StartAsync(JuneMonday, new TimeOnly(6, 50));
        var doomed = await h.Service.CreateAsync(OneShot(JuneMonday, 420) with { CommandCalls = [new CommandCall { CommandFunctionName = "open" }] }, default);
        var fine = await h.Service.CreateAsync(Daily(421), default);
        // The stored definition goes wrong behind the service's back (as after a catalog change): the engine refuses it.
        var stored = h.Settings.Values[CommandSchedulingTriggerService.DefinitionsKey];
        h.Settings.Values[CommandSchedulingTriggerService.DefinitionsKey] = stored.Replace("\"commandFunctionName\":\"open\"", "\"commandFunctionName\":\"fly\"");
        await h.RestartAsync(TimeSpan.Zero);

        h.AdvanceTo(Local(JuneMonday, 7, 5));
        await WaitAsync(() => h.Runs.Count == 1);
        Assert.Equal($"trigger:{fine.Oid}", h.Runs[0]);
        Assert.Equal("FAILED", h.Service.FindDelayed(doomed.Oid!)!.FiredResult);
    }
}
