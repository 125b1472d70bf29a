using System.Text.Json;
using Gateway.Core.Cloud;
using Gateway.Core.Executions;
using Gateway.Core.Json;

namespace Gateway.Storage.Cloud;

/// <summary>
/// The uplink messages on <c>executions</c> that report an execution record, written by the execution store in the
/// transaction that writes the record itself. Shaped like an entry of /history/executions.
/// </summary>
internal static class ExecutionRecordUplink
{
    public const string Topic = "executions";

    public static OutboxMessage Started(string id, ExecutionRequest request, long startTime) => Message(startTime, json =>
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteNumber("eventTime", startTime);
        json.WriteString("owner", request.Owner);
        json.WriteString("source", request.Source);
        json.WriteString("label", request.Label);
        json.WriteString("type", request.Kind.Type);
        json.WriteString("subType", request.Kind.SubType);
        json.WriteNumber("effectiveStartTime", startTime);
        json.WriteString("state", "INITIALIZED");
        json.WritePropertyName("actions");
        JsonSerializer.Serialize(json, request.Actions, GatewayJsonContext.Relaxed.IReadOnlyListActionRecord);
        json.WriteEndObject();
    });

    public static OutboxMessage Finished(HistoryExecution execution) =>
        new(OutboxKind.Execution, Topic, JsonSerializer.SerializeToUtf8Bytes(execution, GatewayJsonContext.Relaxed.HistoryExecution), null, execution.EndTime);

    public static OutboxMessage Interrupted(string id, long now, string failureType) => Message(now, json =>
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteNumber("endTime", now);
        json.WriteString("state", "FAILED");
        json.WriteString("failureType", failureType);
        json.WriteEndObject();
    });

    private static OutboxMessage Message(long time, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = GatewayJsonContext.Relaxed.Options.Encoder }))
            write(json);
        return new OutboxMessage(OutboxKind.Execution, Topic, buffer.ToArray(), null, time);
    }
}
