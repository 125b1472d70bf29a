using System.Text.Json;
using Gateway.Core.Errors;

namespace Gateway.Engine.ActionGroups;

/// <summary>
/// Managed (local) action groups: the actions a trigger or calendar day carries inline (<c>localActionGroup</c>),
/// owned by it and not listed under /actionGroups. Read with the same rules and error bodies as a stored group.
/// </summary>
public static class ManagedActionGroups
{
    /// <summary>True when the element is present and not null: the effect runs these actions, not a stored group.</summary>
    public static bool IsPresent(JsonElement? local) => local is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };

    /// <summary>Reads a managed group as a stored one is read; its label and actions are then validated the same way.</summary>
    public static ActionGroupDraft Read(JsonElement local) =>
        local.ValueKind == JsonValueKind.Object ? ActionGroupDraft.Read(local) : throw new OverkizException(OverkizError.MalformedActionGroup());
}
