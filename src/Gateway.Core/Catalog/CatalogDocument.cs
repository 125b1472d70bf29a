using System.Text.Json.Serialization;

namespace Gateway.Core.Catalog;

// Optional members are nullable: the source-generated reader leaves absent init-only members null, not defaulted.

/// <summary>The on-disk shape of the device catalog (device-catalog.json).</summary>
public sealed record CatalogDocument([property: JsonPropertyName("devices")] IReadOnlyList<CatalogEntry> Devices);

public sealed record CatalogEntry
{
    [JsonPropertyName("controllableName")] public required string ControllableName { get; init; }
    [JsonPropertyName("uiClass")] public required string UiClass { get; init; }
    [JsonPropertyName("widgetName")] public required string WidgetName { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("productType")] public int? ProductType { get; init; }
    [JsonPropertyName("commands")] public IReadOnlyList<CatalogCommand>? Commands { get; init; }
    [JsonPropertyName("states")] public IReadOnlyList<CatalogState>? States { get; init; }
}

public sealed record CatalogCommand
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("parameters")] public IReadOnlyList<ParameterSpec>? Parameters { get; init; }
}

public sealed record CatalogState
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
}
