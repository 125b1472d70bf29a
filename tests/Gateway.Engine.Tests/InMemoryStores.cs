using System.Collections.Concurrent;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Persistence;

namespace Gateway.Engine.Tests;

internal sealed class InMemoryDeviceStore : IDeviceStore
{
    public ConcurrentDictionary<string, Device> Saved { get; } = new();
    public Task<IReadOnlyList<Device>> LoadAllAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Device>>(Saved.Values.ToList());
    public void Save(Device device) => Saved[device.DeviceUrl] = device;
    public void Delete(string deviceUrl) => Saved.TryRemove(deviceUrl, out _);
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class InMemoryExecutionStore : IExecutionStore
{
    public ConcurrentDictionary<string, ExecutionRequest> Started { get; } = new();
    public ConcurrentDictionary<string, HistoryExecution> Finished { get; } = new();

    /// <summary>When set, the start of an execution is written only once this completes (a slow disk).</summary>
    public TaskCompletionSource? StartWriteGate { get; set; }

    /// <summary>When set, writing the start of an execution fails with it (a full disk).</summary>
    public Exception? StartWriteFailure { get; set; }

    public async Task RecordStartedAsync(string id, ExecutionRequest request, long startTime, CancellationToken cancellationToken)
    {
        if (StartWriteGate is { } gate) await gate.Task;
        if (StartWriteFailure is { } failure) throw failure;
        Started[id] = request;
    }

    public Task RecordFinishedAsync(HistoryExecution execution, CancellationToken cancellationToken)
    {
        Finished[execution.Id] = execution;
        return Task.CompletedTask;
    }

    public Task<int> FailUnfinishedAsync(long now, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<IReadOnlyList<HistoryExecution>> LoadHistoryAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HistoryExecution>>(Finished.Values.ToList());
}
