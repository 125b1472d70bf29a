using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

/// <summary>What a kind of device can do and report: the <c>definition</c> object of a device.</summary>
public sealed record DeviceDefinition(
    [property: JsonPropertyName("commands")] IReadOnlyList<CommandDefinition> Commands,
    [property: JsonPropertyName("states")] IReadOnlyList<StateDefinition> States,
    [property: JsonPropertyName("widgetName")] string WidgetName,
    [property: JsonPropertyName("uiClass")] string UiClass,
    [property: JsonPropertyName("type")] string Type)
{
    public CommandDefinition? FindCommand(string name)
    {
        foreach (var command in Commands)
            if (command.CommandName == name) return command;
        return null;
    }
}
