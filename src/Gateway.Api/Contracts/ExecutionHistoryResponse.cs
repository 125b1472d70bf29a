using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>GET /history/executions/{execId}.</summary>
public sealed record ExecutionHistoryResponse([property: JsonPropertyName("execution")] ExecutionHistoryView Execution);
