using System.Collections.Concurrent;
using Gateway.Core.Events;
using Gateway.Core.Executions;

namespace Gateway.Daemon.Metrics;

/// <summary>Executions that ended, by outcome, and how long they ran (registration to end), from the event bus.</summary>
public sealed class ExecutionMetrics : IEventSink
{
    private readonly ConcurrentDictionary<string, long> _startedAt = new(StringComparer.Ordinal);
    private long _completed;
    private long _failed;
    private long _milliseconds;

    public long Completed => Interlocked.Read(ref _completed);
    public long Failed => Interlocked.Read(ref _failed);
    public double TotalSeconds => Interlocked.Read(ref _milliseconds) / 1000.0;
    public int Running => _startedAt.Count;

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        switch (gatewayEvent)
        {
            case ExecutionRegisteredEvent registered:
                _startedAt[registered.ExecId] = registered.Timestamp;
                break;
            case ExecutionStateChangedEvent { NewState: ExecutionState.Completed or ExecutionState.Failed } ended:
                Interlocked.Increment(ref ended.NewState == ExecutionState.Completed ? ref _completed : ref _failed);
                if (_startedAt.TryRemove(ended.ExecId, out var started))
                    Interlocked.Add(ref _milliseconds, Math.Max(0, ended.Timestamp - started));
                break;
        }
    }
}
