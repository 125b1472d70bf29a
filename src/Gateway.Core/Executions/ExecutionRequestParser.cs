using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Limits;

namespace Gateway.Core.Executions;

/// <summary>Turns the body of POST /exec/apply into a request, refusing shapes a TaHoma box refuses.</summary>
public static class ExecutionRequestParser
{
    public const int MaxActions = ApiLimits.MaxActions;
    public const int MaxCommandsPerAction = ApiLimits.MaxCommandsPerAction;

    public static ExecutionRequest Parse(JsonElement root, string owner, string source)
    {
        try
        {
            return ParseRoot(root, owner, source);
        }
        catch (InvalidOperationException)
        {
            // Strings that are not valid UTF-16 (lone surrogates) cannot be read as text.
            throw Malformed();
        }
    }

    /// <summary>The <c>actions</c> of an action-group body (exec/apply, POST/PUT /actionGroups).</summary>
    public static IReadOnlyList<ActionRecord> ParseActions(JsonElement root)
    {
        try
        {
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array
                || actions.GetArrayLength() is 0 or > MaxActions)
                throw Malformed();
            return actions.EnumerateArray().Select(ParseAction).ToList();
        }
        catch (InvalidOperationException)
        {
            throw Malformed();
        }
    }

    /// <summary>A string member, or null when absent; anything but a string is malformed.</summary>
    public static string? OptionalString(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Malformed();
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Malformed();
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw Malformed();
        }
    }

    private static ExecutionRequest ParseRoot(JsonElement root, string owner, string source)
    {
        var actions = ParseActions(root);
        var label = root.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "";
        if (label.Length > ApiLimits.MaxLabelLength) throw Limit("label", ApiLimits.MaxLabelLength, "characters");
        return new ExecutionRequest(label, actions, owner, source);
    }

    private static ActionRecord ParseAction(JsonElement action)
    {
        if (action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("deviceURL", out var url) || url.ValueKind != JsonValueKind.String
            || !action.TryGetProperty("commands", out var commands) || commands.ValueKind != JsonValueKind.Array
            || commands.GetArrayLength() is 0 or > MaxCommandsPerAction)
            throw Malformed();
        return new ActionRecord(url.GetString()!, commands.EnumerateArray().Select(ParseCommand).ToList());
    }

    private static CommandRecord ParseCommand(JsonElement command)
    {
        if (command.ValueKind != JsonValueKind.Object
            || !command.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Length == 0)
            throw Malformed();

        IReadOnlyList<JsonElement>? parameters = null;
        if (command.TryGetProperty("parameters", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.Array) throw new OverkizException(OverkizError.BadParameters("parameters must be an array"));
            CheckParameters(name.GetString()!, p);
            parameters = p.EnumerateArray().Select(e => e.Clone()).ToList();
        }

        int? delay = null;
        if (command.TryGetProperty("delay", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out var ms) || ms < 0)
                throw new OverkizException(OverkizError.BadParameters("delay must be a non-negative integer (milliseconds)"));
            delay = ms;
        }
        return new CommandRecord(name.GetString()!, parameters, delay);
    }

    private static void CheckParameters(string command, JsonElement parameters)
    {
        if (parameters.GetArrayLength() > ApiLimits.MaxParametersPerCommand)
            throw Limit($"the parameters of {Short(command)}", ApiLimits.MaxParametersPerCommand, "parameters");
        foreach (var parameter in parameters.EnumerateArray())
            if (parameter.ValueKind == JsonValueKind.String && parameter.GetString()!.Length > ApiLimits.MaxParameterStringLength)
                throw Limit($"a parameter of {Short(command)}", ApiLimits.MaxParameterStringLength, "characters");
        if (parameters.GetRawText().Length > ApiLimits.MaxParametersJsonLength)
            throw Limit($"the parameters of {Short(command)} as JSON", ApiLimits.MaxParametersJsonLength, "characters");
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static OverkizException Limit(string what, long limit, string unit) => new(OverkizError.LimitExceeded(what, limit, unit));

    private static OverkizException Malformed() => new(OverkizError.MalformedActionGroup());
}
