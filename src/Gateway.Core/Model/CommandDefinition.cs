using System.Text.Json.Serialization;
using Gateway.Core.Catalog;

namespace Gateway.Core.Model;

/// <summary>A command a device accepts, as listed in its definition, plus the parameter rules used to validate calls.</summary>
public sealed record CommandDefinition(
    [property: JsonPropertyName("commandName")] string CommandName,
    [property: JsonPropertyName("nparams")] int Nparams,
    [property: JsonPropertyName("paramsSig"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParamsSig,
    [property: JsonIgnore] IReadOnlyList<ParameterSpec> Parameters);
