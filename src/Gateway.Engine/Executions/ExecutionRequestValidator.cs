using Gateway.Core.Errors;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Engine.Devices;

namespace Gateway.Engine.Executions;

/// <summary>Refuses what a TaHoma box refuses, with the same error bodies, before anything is queued.</summary>
public static class ExecutionRequestValidator
{
    public static void Validate(ExecutionRequest request, DeviceRegistry registry)
    {
        if (request.Actions.Count == 0) throw new OverkizException(OverkizError.MalformedActionGroup());

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in request.Actions)
        {
            if (action.Commands.Count == 0) throw new OverkizException(OverkizError.MalformedActionGroup());
            if (!DeviceUrl.TryParse(action.DeviceUrl, out _)) throw new OverkizException(OverkizError.NoSuchDevice(action.DeviceUrl));
            var device = registry.Find(action.DeviceUrl) ?? throw new OverkizException(OverkizError.NoSuchDevice(action.DeviceUrl));
            if (!seen.Add(action.DeviceUrl)) throw new OverkizException(OverkizError.DuplicateActionOnDevice(action.DeviceUrl));

            foreach (var command in action.Commands)
            {
                var problem = CheckCommand(device.Definition, command);
                if (problem is not null) throw new OverkizException(OverkizError.BadParameters(problem));
            }
        }
    }

    private static string? CheckCommand(DeviceDefinition definition, CommandRecord command)
    {
        var known = definition.FindCommand(command.Name);
        if (known is null) return $"No such command : {command.Name}";
        if (command.Delay is < 0) return $"{command.Name}: delay must not be negative";

        var given = command.Parameters ?? [];
        var required = known.Nparams;
        var allowed = known.Parameters.Count;
        if (given.Count < required || given.Count > allowed)
        {
            var expected = required == allowed ? $"{required}" : $"{required} to {allowed}";
            return $"{command.Name} expects {expected} parameter(s), got {given.Count}";
        }
        for (var i = 0; i < given.Count; i++)
        {
            var reason = known.Parameters[i].Check(given[i]);
            if (reason is not null) return $"{command.Name}: parameter {i + 1} {reason}";
        }
        return null;
    }
}
