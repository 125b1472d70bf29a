using System.Text.Json.Serialization;

namespace Gateway.Core.Executions;

/// <summary>The inline action group shown inside a current execution.</summary>
public sealed record ActionGroupView(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("actions"), JsonPropertyOrder(10)] IReadOnlyList<ActionRecord> Actions)
{
    [JsonPropertyName("shortcut")] public bool Shortcut => false;
    [JsonPropertyName("notificationTypeMask")] public int NotificationTypeMask => 0;
    [JsonPropertyName("notificationCondition")] public string NotificationCondition => "NEVER";
}
