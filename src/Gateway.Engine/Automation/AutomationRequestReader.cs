using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Errors;

namespace Gateway.Engine.Automation;

/// <summary>
/// Reads condition-group and trigger bodies. Kinds this gateway does not run (other trigger types, other condition
/// kinds, other scheduling intervals, managed action groups) are refused by name with a 400 before anything is built.
/// </summary>
public static class AutomationRequestReader
{
    public static ConditionGroup ReadConditionGroup(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad("a condition group is a JSON object");
        if (root.TryGetProperty("conditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array)
            foreach (var condition in conditions.EnumerateArray()) CheckCondition(condition, 0);
        return Deserialize(root, AutomationJsonContext.Default.ConditionGroup, "condition group");
    }

    /// <summary>An if-then trigger body: <c>{"ifThenSetupTrigger": {…}}</c>; any other type is refused.</summary>
    public static IfThenSetupTrigger ReadTrigger(JsonElement root) =>
        ReadSetupTrigger(root).IfThen ?? throw Bad($"expected a {SetupTriggerTypes.IfThen}");

    /// <summary>A trigger body of any type this gateway runs: <c>{"&lt;type&gt;": {…}}</c>.</summary>
    public static SetupTriggerEnvelope ReadSetupTrigger(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad("a setup trigger is a JSON object");
        var members = root.EnumerateObject().ToList();
        if (members.Count != 1) throw Bad("a setup trigger body has exactly one member, named after its type");
        var type = members[0].Name;
        CheckType(type);
        var body = members[0].Value;
        if (body.ValueKind != JsonValueKind.Object) throw Bad($"{type} is a JSON object");
        if (body.TryGetProperty("rootConditionBlock", out var rootBlock)) CheckCondition(rootBlock, 0);
        if (body.TryGetProperty("schedulingIntervals", out var intervals) && intervals.ValueKind == JsonValueKind.Array)
            foreach (var interval in intervals.EnumerateArray()) CheckSingleKind(interval, SchedulingInterval.SupportedKinds, "scheduling interval");
        if (body.TryGetProperty("effects", out var effects)) CheckEffects(effects);
        if (body.TryGetProperty("effectsList", out var effectsList) && effectsList.ValueKind == JsonValueKind.Array)
            foreach (var entry in effectsList.EnumerateArray())
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("effects", out var entryEffects)) CheckEffects(entryEffects);
        return type switch
        {
            SetupTriggerTypes.IfThen => new SetupTriggerEnvelope { IfThen = Deserialize(body, AutomationJsonContext.Default.IfThenSetupTrigger, type) },
            SetupTriggerTypes.Discrete => new SetupTriggerEnvelope { Discrete = Deserialize(body, AutomationJsonContext.Default.DiscreteTrigger, type) },
            SetupTriggerTypes.GenericCommandScheduling => new SetupTriggerEnvelope
            {
                GenericCommandScheduling = Deserialize(body, AutomationJsonContext.Default.GenericCommandSchedulingTrigger, type),
            },
            _ => new SetupTriggerEnvelope
            {
                DelayedCommandsScheduling = Deserialize(body, AutomationJsonContext.Default.DelayedCommandsSchedulingTrigger, type),
            },
        };
    }

    /// <summary>Refuses the trigger types this gateway does not run, naming them.</summary>
    public static void CheckType(string type)
    {
        if (SetupTriggerTypes.Supported.Contains(type)) return;
        throw Bad(SetupTriggerTypes.Known.Contains(type)
            ? $"trigger type {type} is not supported by this gateway (supported: {string.Join(", ", SetupTriggerTypes.Supported.Order(StringComparer.Ordinal))})"
            : $"unknown trigger type {type} (valid: {string.Join(", ", SetupTriggerTypes.Supported.Order(StringComparer.Ordinal))})");
    }

    private static void CheckEffects(JsonElement effects)
    {
        if (effects.ValueKind != JsonValueKind.Array) return;
        foreach (var effect in effects.EnumerateArray())
        {
            CheckSingleKind(effect, new HashSet<string> { "actionGroupEffect" }, "effect");
        }
    }

    private static void CheckCondition(JsonElement block, int depth)
    {
        if (depth > 32) throw Bad("condition tree too deep");
        var (name, body) = CheckSingleKind(block, ConditionBlock.SupportedKinds, "condition kind");
        if (name is "andBlock" or "orBlock" or "notBlock" && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("subConditionBlocks", out var subs) && subs.ValueKind == JsonValueKind.Array)
            foreach (var sub in subs.EnumerateArray()) CheckCondition(sub, depth + 1);
    }

    private static (string Name, JsonElement Body) CheckSingleKind(JsonElement element, IReadOnlySet<string> supported, string what)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Bad($"a {what} is a JSON object");
        var members = element.EnumerateObject().ToList();
        if (members.Count != 1) throw Bad($"a {what} object has exactly one member, one of {string.Join(", ", supported)}");
        if (!supported.Contains(members[0].Name))
            throw Bad($"{what} {members[0].Name} is not supported by this gateway (supported: {string.Join(", ", supported)})");
        return (members[0].Name, members[0].Value);
    }

    /// <summary>Any small request body, refused with "malformed {what}" when it does not fit.</summary>
    public static T Read<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what) => Deserialize(element, type, what);

    private static T Deserialize<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return element.Deserialize(type) ?? throw Bad($"malformed {what}");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw Bad($"malformed {what}");
        }
    }

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));
}
