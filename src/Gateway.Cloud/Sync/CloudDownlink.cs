using System.Text.Json;
using System.Threading.Channels;
using Gateway.Cloud.Mqtt;
using Gateway.Core.Cloud;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Applies downlink requests one at a time, in arrival order. A request id is recorded before the request is applied,
/// so a repeat (a cloud retry, a redelivery after reconnect) gets the first answer again and is never applied twice.
/// </summary>
public sealed class CloudDownlink(ICloudOutbox outbox, ICloudCommandTarget target, CloudTopics topics, TimeProvider time, ILogger logger,
    CloudSnapshot? snapshot = null, ICloudSnapshotSource? devices = null)
{
    public const int MaxRequestIdLength = 128;
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxTokenLength = 256;
    private readonly Channel<MqttMessage> _requests = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(1000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>Called on libmosquitto's thread: only queues.</summary>
    public void Enqueue(MqttMessage message)
    {
        if (!_requests.Writer.TryWrite(message))
            logger.LogWarning("Downlink queue full; request on {Topic} ignored (the cloud retries it)", message.Topic);
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var message in _requests.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await HandleAsync(message, stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    logger.LogError(ex, "Downlink request on {Topic} failed", message.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (!message.Topic.StartsWith(topics.RequestPrefix, StringComparison.Ordinal)) return;
        var requestId = message.Topic[topics.RequestPrefix.Length..];
        if (!IsValidRequestId(requestId))
        {
            logger.LogWarning("Downlink request id {RequestId} is not valid; ignored", requestId.Length > 64 ? requestId[..64] : requestId);
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var seen = await outbox.BeginRequestAsync(requestId, now, cancellationToken);
        if (seen is not null)
        {
            logger.LogInformation("Downlink request {RequestId} repeated; answered again, not applied again", requestId);
            var again = seen.Response ?? Answer(requestId, new OverkizError(409, "UNSPECIFIED_ERROR", "\"Request already received; it was interrupted before its answer was stored.\""));
            await outbox.AppendAsync([new OutboxMessage(OutboxKind.Response, CloudTopics.Response(requestId), again, null, now)], cancellationToken);
            return;
        }
        var response = await ApplyAsync(requestId, message.Payload, cancellationToken);
        await outbox.CompleteRequestAsync(requestId, new OutboxMessage(OutboxKind.Response, CloudTopics.Response(requestId), response, null, now), cancellationToken);
    }

    private async Task<byte[]> ApplyAsync(string requestId, byte[] payload, CancellationToken cancellationToken)
    {
        try
        {
            if (payload.Length > MaxBodyBytes) throw new OverkizException(OverkizError.BodyTooLarge(MaxBodyBytes));
            using var document = Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                throw new OverkizException(OverkizError.BadParameters("a request is an object with a string \"type\""));
            await AuthorizeAsync(root, cancellationToken);
            var typeName = type.GetString()!;
            switch (typeName)
            {
                case "apply":
                    if (!root.TryGetProperty("body", out var body)) throw new OverkizException(OverkizError.MalformedActionGroup());
                    return Answer(requestId, await target.ApplyAsync(body, cancellationToken));
                case "actionGroup":
                    return Answer(requestId, await target.RunActionGroupAsync(RequiredString(root, "oid"), cancellationToken));
                case "cancel":
                    var execId = RequiredString(root, "execId");
                    return target.Cancel(execId)
                        ? Answer(requestId, (string?)null)
                        : throw new OverkizException(OverkizError.NoCorrespondingExecId(execId));
                case "snapshot" or "resync" when snapshot is not null:
                    var count = await snapshot.StoreAsync("requested by the cloud", cancellationToken);
                    return Write(requestId, 200, json =>
                    {
                        json.WriteStartObject();
                        json.WriteNumber("retCode", 0);
                        json.WriteNumber("devices", count);
                        json.WriteEndObject();
                    });
                case "changes" when devices is not null:
                    var since = OptionalLong(root, "since") ?? 0;
                    var limit = (int)Math.Clamp(OptionalLong(root, "limit") ?? DeviceChangesAnswer.MaxDevices, 1, DeviceChangesAnswer.MaxDevices);
                    var current = devices.Devices();
                    return Write(requestId, 200, json => DeviceChangesAnswer.Write(json, current, since, limit));
                default:
                    var answer = await target.SetupAsync(typeName, root, cancellationToken)
                        ?? throw new OverkizException(OverkizError.BadParameters($"unknown request type {(typeName.Length > 64 ? typeName[..64] : typeName)}"));
                    return Write(requestId, answer.Status, json => json.WriteRawValue(answer.Body, skipInputValidation: true));
            }
        }
        catch (OverkizException ex)
        {
            return Answer(requestId, ex.Error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Downlink request {RequestId} failed", requestId);
            return Answer(requestId, OverkizError.Internal());
        }
    }

    /// <summary>A request carries the secret of a local API bearer token in "token"; without a valid one nothing is applied.</summary>
    private async Task AuthorizeAsync(JsonElement root, CancellationToken cancellationToken)
    {
        if (!root.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } secret)
            throw new OverkizException(OverkizError.MissingAuthorizationToken());
        if (secret.Length > MaxTokenLength || !await target.IsAuthorizedAsync(secret, cancellationToken))
            throw new OverkizException(OverkizError.NotAuthenticated());
    }

    private static JsonDocument Parse(byte[] payload)
    {
        try
        {
            return JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            throw new OverkizException(OverkizError.BadParameters("the request is not JSON"));
        }
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new OverkizException(OverkizError.BadParameters($"\"{name}\" must be a non-empty string"));

    private static long? OptionalLong(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0 ? number
        : throw new OverkizException(OverkizError.BadParameters($"\"{name}\" must be a non-negative integer"));

    public static bool IsValidRequestId(string requestId) =>
        requestId.Length is > 0 and <= MaxRequestIdLength && requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static byte[] Answer(string requestId, string? execId) => Write(requestId, 200, json =>
    {
        json.WriteStartObject();
        if (execId is not null) json.WriteString("execId", execId);
        json.WriteEndObject();
    });

    private static byte[] Answer(string requestId, OverkizError error) => Write(requestId, error.Status, json =>
    {
        json.WriteStartObject();
        if (error.Error is not null) json.WriteString("error", error.Error);
        json.WriteString("errorCode", error.ErrorCode);
        json.WriteEndObject();
    }, error.ErrorCode);

    private static byte[] Write(string requestId, int status, Action<Utf8JsonWriter> body, string? errorCode = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = GatewayJsonContext.Relaxed.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("requestId", requestId);
            json.WriteNumber("status", status);
            json.WriteNumber("retCode", CloudReturnCodes.For(status, errorCode));
            json.WritePropertyName("body");
            body(json);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
