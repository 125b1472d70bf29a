using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

/// <summary>What a kind of device can do and report: the <c>definition</c> object of a device.</summary>
public sealed record DeviceDefinition(
    [property: JsonPropertyName("commands"), JsonPropertyOrder(3)] IReadOnlyList<CommandDefinition> Commands,
    [property: JsonPropertyName("states"), JsonPropertyOrder(0)] IReadOnlyList<StateDefinition> States,
    [property: JsonPropertyName("widgetName"), JsonPropertyOrder(1)] string WidgetName,
    [property: JsonPropertyName("uiClass"), JsonPropertyOrder(4)] string UiClass,
    [property: JsonPropertyName("type"), JsonPropertyOrder(2)] string Type)
{
    public CommandDefinition? FindCommand(string name)
    {
        foreach (var command in Commands)
            if (command.CommandName == name) return command;
        return null;
    }
}
