using Gateway.Core.Executions;

namespace Gateway.Core.Persistence;

public interface IExecutionStore
{
    /// <summary>Durably records that an execution was accepted, before its id is handed out.</summary>
    Task RecordStartedAsync(string id, ExecutionRequest request, long startTime, CancellationToken cancellationToken);

    Task RecordFinishedAsync(HistoryExecution execution, CancellationToken cancellationToken);

    /// <summary>Marks executions left unfinished by a crash or power cut as failed; returns how many.</summary>
    Task<int> FailUnfinishedAsync(long now, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryExecution>> LoadHistoryAsync(int limit, CancellationToken cancellationToken);
}
