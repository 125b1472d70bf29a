using System.Text.Json;
using System.Threading.Channels;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Engine.Executions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary>
/// <c>gatewayctl exec URL COMMAND [ARGS]</c>: one command through the same parser and engine as <c>/exec/apply</c>,
/// owner <c>gatewayctl</c>. With <c>"wait": true</c> the answer comes when the execution has ended, with its outcome.
/// </summary>
public static class AdminExec
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(HttpContext context)
    {
        using var body = await AdminJson.ReadBodyAsync(context);
        if (body?.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("deviceURL", out var url) || !root.TryGetProperty("command", out var command))
        {
            await AdminJson.WriteErrorAsync(context, 400, "UNSPECIFIED_ERROR", "exec needs {\"deviceURL\", \"command\", \"parameters\"?, \"wait\"?}");
            return;
        }
        var wait = root.TryGetProperty("wait", out var w) && w.ValueKind == JsonValueKind.True;
        using var action = ActionBody(url, command, root.TryGetProperty("parameters", out var p) ? p : default);
        var request = ExecutionRequestParser.Parse(action.RootElement, "gatewayctl", "gatewayctl");

        var services = context.RequestServices;
        var engine = services.GetRequiredService<ExecutionEngine>();
        using var outcomes = wait ? new OutcomeWatcher(services.GetRequiredService<IEventBus>()) : null;
        var execId = await engine.ApplyAsync(request, context.RequestAborted);
        var ended = outcomes is null ? null : await outcomes.WaitForEndAsync(execId, LongestWait, context.RequestAborted);
        await AdminJson.WriteAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("execId", execId);
            if (ended is not null)
            {
                writer.WriteString("state", ended.NewState == ExecutionState.Completed ? "COMPLETED" : "FAILED");
                if (ended.FailureType is not null) writer.WriteString("failureType", ended.FailureType);
            }
            else if (wait) writer.WriteString("state", "RUNNING");
            writer.WriteEndObject();
        });
    }

    private static JsonDocument ActionBody(JsonElement url, JsonElement command, JsonElement parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("label", "gatewayctl exec");
            w.WriteStartArray("actions");
            w.WriteStartObject();
            w.WritePropertyName("deviceURL");
            url.WriteTo(w);
            w.WriteStartArray("commands");
            w.WriteStartObject();
            w.WritePropertyName("name");
            command.WriteTo(w);
            if (parameters.ValueKind != JsonValueKind.Undefined)
            {
                w.WritePropertyName("parameters");
                parameters.WriteTo(w);
            }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    /// <summary>Listens before the execution starts, so a command that ends at once is not missed.</summary>
    private sealed class OutcomeWatcher : IEventSink, IDisposable
    {
        private readonly Channel<ExecutionStateChangedEvent> _ends = Channel.CreateUnbounded<ExecutionStateChangedEvent>();
        private readonly IDisposable _subscription;

        public OutcomeWatcher(IEventBus bus) => _subscription = bus.Subscribe(this);

        public void OnEvent(GatewayEvent gatewayEvent)
        {
            if (gatewayEvent is ExecutionStateChangedEvent { NewState: ExecutionState.Completed or ExecutionState.Failed } ended)
                _ends.Writer.TryWrite(ended);
        }

        public async Task<ExecutionStateChangedEvent?> WaitForEndAsync(string execId, TimeSpan limit, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            try
            {
                await foreach (var ended in _ends.Reader.ReadAllAsync(timeout.Token))
                    if (ended.ExecId == execId) return ended;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still running after the limit: the answer says so.
            }
            return null;
        }

        public void Dispose() => _subscription.Dispose();
    }
}
