using System.Text.Json.Serialization;
using Gateway.Core.Executions;

namespace Gateway.Core.ActionGroups;

/// <summary>A stored scene: commands on devices, run on demand, on a schedule or by automation.</summary>
public sealed record ActionGroup
{
    [JsonPropertyName("creationTime")] public required long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public required long LastUpdateTime { get; init; }
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Metadata { get; init; }
    [JsonPropertyName("shortcut")] public bool Shortcut { get; init; }
    [JsonPropertyName("notificationTypeMask")] public int NotificationTypeMask { get; init; }
    [JsonPropertyName("notificationCondition")] public string NotificationCondition { get; init; } = "NEVER";
    [JsonPropertyName("notificationText"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? NotificationText { get; init; }
    [JsonPropertyName("notificationTitle"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? NotificationTitle { get; init; }
    [JsonPropertyName("targetEmailAddresses")] public IReadOnlyList<string> TargetEmailAddresses { get; init; } = [];
    [JsonPropertyName("targetPhoneNumbers")] public IReadOnlyList<string> TargetPhoneNumbers { get; init; } = [];
    [JsonPropertyName("targetPushSubscriptions")] public IReadOnlyList<string> TargetPushSubscriptions { get; init; } = [];
    [JsonPropertyName("actions")] public required IReadOnlyList<ActionRecord> Actions { get; init; }
    [JsonPropertyName("oid")] public required string Oid { get; init; }
}
