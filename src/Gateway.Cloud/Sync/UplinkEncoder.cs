using System.Text.Json;
using Gateway.Core.Cloud;
using Gateway.Core.Events;
using Gateway.Core.Json;

namespace Gateway.Cloud.Sync;

/// <summary>Turns one gateway event into the uplink messages that report it.</summary>
public static class UplinkEncoder
{
    public static IEnumerable<OutboxMessage> Encode(GatewayEvent gatewayEvent, long now)
    {
        var kind = gatewayEvent is ExecutionRegisteredEvent or ExecutionStateChangedEvent or CommandExecutionStateChangedEvent
            ? OutboxKind.Execution
            : OutboxKind.Event;
        yield return new OutboxMessage(kind, CloudTopics.Events, EventJson.Serialize(gatewayEvent), null, now);
        if (gatewayEvent is DeviceStateChangedEvent changed && changed.DeviceStates.Count > 0)
        {
            // Only a later report of exactly the same states supersedes this one.
            var names = string.Join(',', changed.DeviceStates.Select(s => s.Name).Order(StringComparer.Ordinal));
            yield return new OutboxMessage(OutboxKind.State, CloudTopics.State(changed.DeviceUrl), StatePayload(changed, now),
                $"{changed.DeviceUrl}\n{names}", now);
        }
    }

    private static byte[] StatePayload(DeviceStateChangedEvent changed, long now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = GatewayJsonContext.Relaxed.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("deviceURL", changed.DeviceUrl);
            json.WriteNumber("time", now);
            json.WritePropertyName("deviceStates");
            JsonSerializer.Serialize(json, changed.DeviceStates, GatewayJsonContext.Relaxed.IReadOnlyListDeviceState);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
