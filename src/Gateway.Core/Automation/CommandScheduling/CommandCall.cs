using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>One command of a delayed command-scheduling trigger.</summary>
public sealed record CommandCall
{
    [JsonPropertyName("commandFunctionName")] public string CommandFunctionName { get; set; } = "";
    [JsonPropertyName("commandParameters")] public IReadOnlyList<JsonElement> CommandParameters { get; set; } = [];
}
