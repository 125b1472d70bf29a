using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>Something that happened on the gateway. Every consumer (listeners, cloud, triggers, history) sees the same stream.</summary>
public abstract record GatewayEvent
{
    [JsonPropertyName("name"), JsonPropertyOrder(100)]
    public abstract string Name { get; }
}
