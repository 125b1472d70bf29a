using Gateway.Core.Executions;

namespace Gateway.Engine.ActionGroups;

/// <summary>What a client sends to create or update an action group.</summary>
public sealed record ActionGroupDraft(
    string Label,
    IReadOnlyList<ActionRecord> Actions,
    string? Metadata,
    bool Shortcut,
    int NotificationTypeMask,
    string? NotificationCondition,
    string? NotificationText,
    string? NotificationTitle);
