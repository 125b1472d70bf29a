using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

public class SchedulerTests
{
    private sealed class Harness
    {
        public EngineHarness Engine { get; } = new();
        public InMemoryActionGroupStore Store { get; } = new();
        public ActionGroupService Groups { get; }
        public ExecutionScheduler Scheduler { get; private set; } = null!;

        public Harness()
        {
            Groups = new ActionGroupService(Store, Engine.Registry, Engine.Engine, Engine.Bus, EngineHarness.Identity, Engine.Time);
        }

        public async Task StartSchedulerAsync()
        {
            Scheduler = new ExecutionScheduler(Store, Engine.Executions, Groups, Engine.Bus, EngineHarness.Identity, Engine.Time, NullLogger<ExecutionScheduler>.Instance);
            await Scheduler.StartAsync(default);
        }

        public long At(TimeSpan fromNow) => (Engine.Time.GetUtcNow() + fromNow).ToUnixTimeMilliseconds();

        public Task<Core.ActionGroups.ActionGroup> OpenShutterGroupAsync() =>
            Groups.CreateAsync(new ActionGroupDraft("Morning", EngineHarness.Request(("1", [EngineHarness.Command("open")])).Actions, null, false, 0, null, null, null), default);

        /// <summary>Executions a schedule really started (not the history entries of missed ones).</summary>
        public int Runs => Engine.Executions.Started.Count(r => r.Value.Source.StartsWith("schedule:", StringComparison.Ordinal)
            && !(Engine.Executions.Finished.TryGetValue(r.Key, out var done) && done.FailureType == ExecutionScheduler.MissedFailure));
    }

    [Fact]
    public async Task A_schedule_fires_within_a_second_of_its_time_and_only_once()
    {
        var h = new Harness();
        var group = await h.OpenShutterGroupAsync();
        await h.StartSchedulerAsync();
        var schedule = await h.Scheduler.ScheduleAsync(group.Oid, h.At(TimeSpan.FromMinutes(10)), default);

        h.Engine.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, h.Runs);
        h.Engine.Time.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        await WaitAsync(() => h.Runs == 1);

        h.Engine.Time.Advance(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        Assert.Equal(1, h.Runs);
        Assert.Null(h.Scheduler.Find(schedule.TriggerId));
        Assert.Empty(h.Store.Schedules);
        Assert.Contains(h.Engine.Sink.Of<DelayedTriggerEvent>(), e => e.Name == "DelayedTriggerSetEvent");
    }

    [Fact]
    public async Task A_schedule_starts_at_its_exact_time_not_on_the_next_tick()
    {
        var h = new Harness();
        var group = await h.OpenShutterGroupAsync();
        await h.StartSchedulerAsync();
        // Ticks fall at +0, +0.5, +1.0 and +1.5 s: on the tick alone this would start at +1.5 s.
        var due = h.At(TimeSpan.FromMilliseconds(1234));
        await h.Scheduler.ScheduleAsync(group.Oid, due, default);

        h.Engine.Time.Advance(TimeSpan.FromMilliseconds(1600), TimeSpan.FromMilliseconds(1));
        await WaitAsync(() => h.Runs == 1);

        var started = h.Engine.Sink.Of<ExecutionRegisteredEvent>().Single().Timestamp;
        Assert.InRange(started, due, due + 2);
    }

    [Fact]
    public async Task A_cancelled_schedule_never_fires()
    {
        var h = new Harness();
        var group = await h.OpenShutterGroupAsync();
        await h.StartSchedulerAsync();
        var schedule = await h.Scheduler.ScheduleAsync(group.Oid, h.At(TimeSpan.FromSeconds(30)), default);

        Assert.True(await h.Scheduler.CancelAsync(schedule.TriggerId, default));
        h.Engine.Time.Advance(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, h.Runs);
        Assert.Contains(h.Engine.Sink.Of<DelayedTriggerEvent>(), e => e.Name == "DelayedTriggerCancelledEvent");
    }

    [Fact]
    public async Task After_a_restart_a_slightly_late_schedule_runs_and_a_long_missed_one_is_recorded()
    {
        var h = new Harness();
        var group = await h.OpenShutterGroupAsync();
        await h.StartSchedulerAsync();
        var soon = await h.Scheduler.ScheduleAsync(group.Oid, h.At(TimeSpan.FromMinutes(1)), default);
        var later = await h.Scheduler.ScheduleAsync(group.Oid, h.At(TimeSpan.FromMinutes(30)), default);
        h.Scheduler.Dispose();

        // Off for 33 minutes: "later" is 3 minutes late (within grace), "soon" 32 minutes late.
        h.Engine.Time.Advance(TimeSpan.FromMinutes(33), TimeSpan.FromMinutes(1));
        await h.StartSchedulerAsync();
        h.Engine.Time.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));
        await WaitAsync(() => h.Runs == 1 && h.Engine.Executions.Finished.Values.Any(e => e.FailureType == ExecutionScheduler.MissedFailure));

        Assert.Contains(h.Engine.Executions.Started.Values, r => r.Source == $"schedule:{later.TriggerId}");
        var missed = h.Engine.Executions.Finished.Values.Single(e => e.FailureType == ExecutionScheduler.MissedFailure);
        Assert.Equal($"schedule:{soon.TriggerId}", missed.Source);
    }

    [Fact]
    public async Task A_clock_set_back_does_not_fire_a_schedule_twice_and_one_set_forward_fires_it_once()
    {
        var h = new Harness();
        var group = await h.OpenShutterGroupAsync();
        await h.StartSchedulerAsync();
        await h.Scheduler.ScheduleAsync(group.Oid, h.At(TimeSpan.FromSeconds(10)), default);

        h.Engine.Time.Advance(TimeSpan.FromSeconds(12), TimeSpan.FromMilliseconds(250));
        await WaitAsync(() => h.Runs == 1);
        h.Engine.Time.Jump(TimeSpan.FromSeconds(-20));
        h.Engine.Time.Advance(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
        Assert.Equal(1, h.Runs);

        await h.Scheduler.ScheduleAsync(group.Oid, h.At(TimeSpan.FromHours(1)), default);
        h.Engine.Time.Jump(TimeSpan.FromMinutes(62));
        h.Engine.Time.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));
        await WaitAsync(() => h.Runs == 2);
    }

    [Fact]
    public async Task Schedules_in_the_past_or_of_unknown_groups_are_refused()
    {
        var h = new Harness();
        var group = await h.OpenShutterGroupAsync();
        await h.StartSchedulerAsync();
        var past = await Assert.ThrowsAsync<OverkizException>(() => h.Scheduler.ScheduleAsync(group.Oid, h.At(TimeSpan.FromHours(-1)), default));
        Assert.Equal("INVALID_PARAMETER", past.Error.ErrorCode);
        await Assert.ThrowsAsync<OverkizException>(() => h.Scheduler.ScheduleAsync("no-such-group", h.At(TimeSpan.FromHours(1)), default));
    }

    [Fact]
    public async Task Action_groups_are_validated_like_exec_apply()
    {
        var h = new Harness();
        var bad = new ActionGroupDraft("Bad", EngineHarness.Request(("99", [EngineHarness.Command("open")])).Actions, null, false, 0, null, null, null);
        var error = await Assert.ThrowsAsync<OverkizException>(() => h.Groups.CreateAsync(bad, default));
        Assert.Equal("NO_SUCH_DEVICE", error.Error.ErrorCode);
        Assert.Empty(h.Store.Groups);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(10);
        }
    }
}
