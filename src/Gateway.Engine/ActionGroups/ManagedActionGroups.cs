using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Executions;

namespace Gateway.Engine.ActionGroups;

/// <summary>
/// Managed (local) action groups: the actions a trigger or calendar day carries inline (<c>localActionGroup</c>),
/// owned by it and not listed under /actionGroups. Read with the same rules and error bodies as a stored group.
/// </summary>
public static class ManagedActionGroups
{
    /// <summary>True when the element is present and not null: the effect runs these actions, not a stored group.</summary>
    public static bool IsPresent(JsonElement? local) => local is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };

    public static ActionGroupDraft Read(JsonElement local)
    {
        if (local.ValueKind != JsonValueKind.Object) throw new OverkizException(OverkizError.MalformedActionGroup());
        var label = ExecutionRequestParser.OptionalString(local, "label");
        if (string.IsNullOrWhiteSpace(label)) throw new OverkizException(OverkizError.MalformedActionGroup());
        return new ActionGroupDraft(label, ExecutionRequestParser.ParseActions(local), ExecutionRequestParser.OptionalString(local, "metadata"),
            false, 0, null, null, null);
    }
}
