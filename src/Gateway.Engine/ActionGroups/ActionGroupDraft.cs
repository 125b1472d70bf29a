using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Executions;
using Gateway.Core.Limits;

namespace Gateway.Engine.ActionGroups;

/// <summary>What a client sends to create or update an action group, or carries inline as a managed group.</summary>
public sealed record ActionGroupDraft(
    string Label,
    IReadOnlyList<ActionRecord> Actions,
    string? Metadata,
    bool Shortcut,
    int NotificationTypeMask,
    string? NotificationCondition,
    string? NotificationText,
    string? NotificationTitle)
{
    /// <summary>An action-group body, with the exec/apply rules and error bodies for its actions.</summary>
    public static ActionGroupDraft Read(JsonElement root)
    {
        var actions = ExecutionRequestParser.ParseActions(root);
        var label = ExecutionRequestParser.OptionalString(root, "label") ?? throw new OverkizException(OverkizError.MalformedActionGroup());
        if (label.Length > ApiLimits.MaxLabelLength) throw new OverkizException(OverkizError.LimitExceeded("label", ApiLimits.MaxLabelLength, "characters"));
        return new ActionGroupDraft(
            label,
            actions,
            ExecutionRequestParser.OptionalString(root, "metadata"),
            root.TryGetProperty("shortcut", out var shortcut) && shortcut.ValueKind == JsonValueKind.True,
            ReadNotificationTypeMask(root),
            ExecutionRequestParser.OptionalString(root, "notificationCondition"),
            ExecutionRequestParser.OptionalString(root, "notificationText"),
            ExecutionRequestParser.OptionalString(root, "notificationTitle"));
    }

    private static int ReadNotificationTypeMask(JsonElement root)
    {
        if (!root.TryGetProperty("notificationTypeMask", out var mask) || mask.ValueKind == JsonValueKind.Null) return 0;
        return mask.ValueKind == JsonValueKind.Number && mask.TryGetInt32(out var value)
            ? value
            : throw new OverkizException(OverkizError.BadParameters("notificationTypeMask must be an integer"));
    }
}
