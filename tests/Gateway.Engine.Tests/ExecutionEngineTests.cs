using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Executions;

namespace Gateway.Engine.Tests;

public class ExecutionEngineTests
{
    [Fact]
    public async Task An_execution_walks_every_state_to_completed_and_lands_in_history()
    {
        var h = new EngineHarness();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("open")])), default);

        var done = h.Finish(id);

        Assert.Equal(ExecutionState.Completed, done.State);
        Assert.Equal("NO_FAILURE", done.FailureType);
        await WaitAsync(() => h.Sink.Of<ExecutionStateChangedEvent>().Any(e => e.ExecId == id && e.NewState == ExecutionState.Completed));
        var transitions = h.Sink.Of<ExecutionStateChangedEvent>().Where(e => e.ExecId == id).Select(e => (e.OldState, e.NewState)).ToList();
        Assert.Equal(
        [
            (ExecutionState.Initialized, ExecutionState.NotTransmitted),
            (ExecutionState.NotTransmitted, ExecutionState.Transmitted),
            (ExecutionState.Transmitted, ExecutionState.InProgress),
            (ExecutionState.InProgress, ExecutionState.Completed),
        ], transitions);
        Assert.Single(h.Sink.Of<ExecutionRegisteredEvent>(), e => e.ExecId == id);
        Assert.Contains(h.Sink.Of<CommandExecutionStateChangedEvent>(), e => e.ExecId == id && e.NewState == ExecutionState.Completed);
        Assert.Null(h.Engine.FindCurrent(id));
    }

    [Fact]
    public async Task Commands_of_one_device_run_in_order_and_honour_their_delay()
    {
        var h = new EngineHarness();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1",
            [EngineHarness.Command("open"), EngineHarness.Command("stop", delay: 2000), EngineHarness.Command("my")])), default);

        h.Finish(id);

        var executed = h.Radio.Executed.Where(e => e.Address == "1").ToList();
        Assert.Equal(["open", "stop", "my"], executed.Select(e => e.Command));
        Assert.True(executed[1].At - executed[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Different_devices_run_in_parallel()
    {
        var h = new EngineHarness();
        var start = h.Time.GetUtcNow();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")]), ("2", [EngineHarness.Command("close")])), default);

        // Wait for the engine (not the clock): both moves must reach the radio before any time passes.
        await WaitAsync(() => h.Radio.Executed.Count == 2);
        var done = h.Finish(id);

        Assert.All(h.Radio.Executed, e => Assert.Equal(start, e.At));
        Assert.Equal(ExecutionState.Completed, done.State);
        Assert.True(done.EndTime - start.ToUnixTimeMilliseconds() >= 5000);
    }

    [Fact]
    public async Task A_device_that_does_not_answer_fails_the_execution_with_its_failure_type()
    {
        var h = new EngineHarness();
        h.Radio.Silent.Add("2");
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("open")]), ("2", [EngineHarness.Command("open")])), default);

        var done = h.Finish(id);

        Assert.Equal(ExecutionState.Failed, done.State);
        Assert.Equal("ACTUATORNOANSWER", done.FailureType);
        var failed = Assert.Single(done.FailedCommands);
        Assert.Equal(EngineHarness.Url("2"), failed.DeviceUrl);
        // History is written before the final event is published, so the event may trail Finish by a moment.
        await WaitAsync(() => h.Sink.Of<ExecutionStateChangedEvent>().Any(e => e.ExecId == id && e.NewState == ExecutionState.Failed));
        var final = h.Sink.Of<ExecutionStateChangedEvent>().Last(e => e.ExecId == id);
        Assert.Equal(102, final.FailureTypeCode);
        Assert.Single(final.FailedCommands!);
    }

    [Fact]
    public async Task Cancelling_stops_the_device_and_records_cmdcancelled()
    {
        var h = new EngineHarness();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);
        h.AdvanceUntil(() => !h.Radio.Executed.IsEmpty);

        Assert.True(h.Engine.Cancel(id));
        var done = h.Finish(id);

        Assert.Equal(ExecutionState.Failed, done.State);
        Assert.Equal("CMDCANCELLED", done.FailureType);
        Assert.Contains(h.Radio.Interrupted, i => i.Address == "1");
    }

    [Fact]
    public async Task Cancel_all_cancels_every_running_execution()
    {
        var h = new EngineHarness();
        var a = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);
        var b = await h.Engine.ApplyAsync(EngineHarness.Request(("2", [EngineHarness.Command("close")])), default);

        Assert.Equal(2, h.Engine.CancelAll());

        Assert.Equal("CMDCANCELLED", h.Finish(a).FailureType);
        Assert.Equal("CMDCANCELLED", h.Finish(b).FailureType);
    }

    [Fact]
    public async Task A_new_command_interrupts_the_one_running_on_the_same_device()
    {
        var h = new EngineHarness();
        var closing = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var stopping = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("stop")])), default);

        Assert.Equal(ExecutionState.Completed, h.Finish(stopping).State);
        Assert.Equal("CMDCANCELLED", h.Finish(closing).FailureType);
    }

    [Fact]
    public async Task The_latest_command_also_overrides_one_still_queued_for_the_device()
    {
        var h = new EngineHarness();
        var first = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);
        h.Time.Advance(TimeSpan.FromMilliseconds(100));
        var queued = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);
        var latest = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("stop")])), default);

        Assert.Equal(ExecutionState.Completed, h.Finish(latest).State);
        Assert.Equal("CMDCANCELLED", h.Finish(first).FailureType);
        Assert.Equal("CMDCANCELLED", h.Finish(queued).FailureType);
    }

    [Fact]
    public async Task Past_the_concurrency_bound_new_executions_are_refused()
    {
        var h = new EngineHarness(maxConcurrent: 2);
        var first = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);
        var second = await h.Engine.ApplyAsync(EngineHarness.Request(("2", [EngineHarness.Command("close")])), default);

        var refused = await Assert.ThrowsAsync<OverkizException>(() => h.Engine.ApplyAsync(EngineHarness.Request(("3", [EngineHarness.Command("open")])), default));
        Assert.Equal("EXEC_QUEUE_FULL", refused.Error.ErrorCode);

        h.Finish(first);
        h.Finish(second);
        var later = await h.Engine.ApplyAsync(EngineHarness.Request(("3", [EngineHarness.Command("open")])), default);
        Assert.Equal(ExecutionState.Completed, h.Finish(later).State);
    }

    [Fact]
    public async Task Stopping_the_engine_fails_running_executions_and_records_them()
    {
        var h = new EngineHarness();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);

        await h.Engine.StopAsync(default);

        Assert.Equal("CMDCANCELLED", h.Finish(id).FailureType);
        await Assert.ThrowsAsync<OverkizException>(() => h.Engine.ApplyAsync(EngineHarness.Request(("2", [EngineHarness.Command("open")])), default));
    }

    [Fact]
    public async Task Current_executions_show_the_running_one()
    {
        var h = new EngineHarness();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default);
        h.AdvanceUntil(() => h.Engine.FindCurrent(id)?.State == ExecutionState.InProgress);

        var current = Assert.Single(h.Engine.Current());
        Assert.Equal(id, current.Id);
        Assert.Equal(ExecutionState.InProgress, current.State);
        Assert.Equal("owner", current.Owner);
        h.Finish(id);
        Assert.Empty(h.Engine.Current());
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(5);
        }
    }
}
