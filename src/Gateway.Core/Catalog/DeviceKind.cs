using Gateway.Core.Model;

namespace Gateway.Core.Catalog;

/// <summary>A catalog entry turned into the definition the API shows, plus the declared type of every state.</summary>
public sealed record DeviceKind(string ControllableName, int ProductType, DeviceDefinition Definition, IReadOnlyDictionary<string, StateType> StateTypes)
{
    public static DeviceKind From(CatalogEntry entry)
    {
        var commands = (entry.Commands ?? [])
            .Select(c => (c.Name, Parameters: c.Parameters ?? []))
            .Select(c => new CommandDefinition(c.Name, c.Parameters.Count(p => !p.Optional), Signature(c.Parameters), c.Parameters))
            .ToList();
        var catalogStates = entry.States ?? [];
        var states = catalogStates.Select(s => new StateDefinition(s.Name)).ToList();
        var stateTypes = catalogStates.ToDictionary(s => s.Name, s => ParseStateType(s.Type ?? "string", entry.ControllableName));
        var definition = new DeviceDefinition(commands, states, entry.WidgetName, entry.UiClass, entry.Type ?? "ACTUATOR");
        return new DeviceKind(entry.ControllableName, entry.ProductType ?? Model.ProductType.Actuator, definition, stateTypes);
    }

    private static string? Signature(IReadOnlyList<ParameterSpec> parameters) =>
        parameters.Count == 0 ? null
            : string.Join(",", parameters.Select((p, i) => (p.Optional ? "*p" : "p") + (i + 1)));

    private static StateType ParseStateType(string type, string owner) => type switch
    {
        "int" => StateType.Int,
        "float" => StateType.Float,
        "string" => StateType.String,
        "boolean" => StateType.Boolean,
        "array" => StateType.JsonArray,
        "object" => StateType.JsonObject,
        _ => throw new InvalidDataException($"{owner}: unknown state type {type}"),
    };
}
