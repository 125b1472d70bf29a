using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record ExecIdResponse([property: JsonPropertyName("execId")] string ExecId);
