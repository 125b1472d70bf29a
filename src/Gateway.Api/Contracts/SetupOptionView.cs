using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>A subscribed option of GET /setup/options; a local gateway has none (nothing is sold by subscription).</summary>
public sealed record SetupOptionView(
    [property: JsonPropertyName("creationTime")] long CreationTime,
    [property: JsonPropertyName("lastUpdateTime")] long LastUpdateTime,
    [property: JsonPropertyName("optionId")] string OptionId,
    [property: JsonPropertyName("startDate")] long StartDate,
    [property: JsonPropertyName("parameters")] IReadOnlyList<SetupOptionParameterView> Parameters);
