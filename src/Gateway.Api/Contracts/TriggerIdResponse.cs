using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record TriggerIdResponse([property: JsonPropertyName("triggerId")] string TriggerId);
