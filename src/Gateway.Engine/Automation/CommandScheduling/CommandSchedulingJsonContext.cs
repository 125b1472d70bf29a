using System.Text.Json.Serialization;

namespace Gateway.Engine.Automation.CommandScheduling;

/// <summary>Source-generated JSON of what the command-scheduling service persists in settings.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CommandTriggerDocument))]
[JsonSerializable(typeof(Dictionary<string, FiredMark>))]
internal sealed partial class CommandSchedulingJsonContext : JsonSerializerContext;
