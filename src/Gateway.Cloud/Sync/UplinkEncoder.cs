using System.Text.Json;
using Gateway.Core.Cloud;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Gateway.Core.Model;

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
        if (gatewayEvent is DeviceStateChangedEvent changed && StateMessage(changed.DeviceUrl, changed.DeviceStates, now) is { } state)
            yield return state;
    }

    /// <summary>The <c>states/&lt;deviceURL&gt;</c> message for <paramref name="states"/>; null when there are none.</summary>
    public static OutboxMessage? StateMessage(string deviceUrl, IReadOnlyList<DeviceState> states, long time)
    {
        if (states.Count == 0) return null;
        // Only a later report of exactly the same states supersedes this one.
        var names = string.Join(',', states.Select(s => s.Name).Order(StringComparer.Ordinal));
        return new OutboxMessage(OutboxKind.State, CloudTopics.State(deviceUrl), StatePayload(deviceUrl, states, time), $"{deviceUrl}\n{names}", time);
    }

    private static byte[] StatePayload(string deviceUrl, IReadOnlyList<DeviceState> states, long time)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = GatewayJsonContext.Relaxed.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("deviceURL", deviceUrl);
            json.WriteNumber("time", time);
            json.WritePropertyName("deviceStates");
            JsonSerializer.Serialize(json, states, GatewayJsonContext.Relaxed.IReadOnlyListDeviceState);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
