using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Executions;

namespace Gateway.Engine.Tests;

public class ExecutionDeadlineTests
{
    [Fact]
    public async Task A_command_announced_as_long_outlives_the_usual_command_timeout()
    {
        var h = new EngineHarness();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("setClosure", null, 50)])), default);

        var done = FinishWithin(h, id, TimeSpan.FromSeconds(120));

        Assert.Equal(ExecutionState.Completed, done.State);
    }

    [Fact]
    public async Task The_same_wait_unannounced_times_out_as_actuator_no_answer()
    {
        var h = new EngineHarness();
        var id = await h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("setPosition", null, 50)])), default);

        var done = FinishWithin(h, id, TimeSpan.FromSeconds(120));

        Assert.Equal(ExecutionState.Failed, done.State);
        Assert.Equal("ACTUATORNOANSWER", done.FailureType);
    }

    [Fact]
    public async Task Commands_go_out_while_the_start_of_the_execution_is_still_being_written()
    {
        var h = new EngineHarness();
        h.Executions.StartWriteGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var applying = h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("open")])), default);
        await WaitAsync(() => !h.Radio.Executed.IsEmpty);
        Assert.False(applying.IsCompleted);

        h.Executions.StartWriteGate.SetResult();
        var id = await applying;
        Assert.Equal(ExecutionState.Completed, h.Finish(id).State);
    }

    [Fact]
    public async Task A_start_that_cannot_be_written_is_refused_and_ends_failed_without_history()
    {
        var h = new EngineHarness(maxConcurrent: 1);
        h.Executions.StartWriteFailure = new StorageUnavailableException("disk full", new IOException("ENOSPC"));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => h.Engine.ApplyAsync(EngineHarness.Request(("1", [EngineHarness.Command("close")])), default));

        await WaitAsync(() => h.Engine.Current().Count == 0);
        var registered = Assert.Single(h.Sink.Of<ExecutionRegisteredEvent>());
        Assert.Contains(h.Sink.Of<ExecutionStateChangedEvent>(), e => e.ExecId == registered.ExecId && e.NewState == ExecutionState.Failed);
        Assert.Empty(h.Executions.Finished);

        // Its admission was given back: the single slot takes the next execution.
        h.Executions.StartWriteFailure = null;
        var next = await h.Engine.ApplyAsync(EngineHarness.Request(("2", [EngineHarness.Command("open")])), default);
        Assert.Equal(ExecutionState.Completed, h.Finish(next).State);
    }

    private static HistoryExecution FinishWithin(EngineHarness h, string execId, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; waited <= limit; waited += TimeSpan.FromMilliseconds(250))
        {
            if (h.Executions.Finished.TryGetValue(execId, out var done)) return done;
            h.Time.Advance(TimeSpan.FromMilliseconds(250));
            Thread.Sleep(1);
        }
        throw new TimeoutException($"execution {execId} never finished");
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
