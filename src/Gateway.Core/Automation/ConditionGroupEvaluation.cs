using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// GET /conditionGroups/{oid}/evaluate: SUCCESS when every condition holds, FAILED otherwise. Devices whose state is
/// missing or who are unavailable are <c>failedDevices</c>; devices whose state makes a condition false are
/// <c>invalidatingDevices</c>; controllable names with no device at all are <c>ignoredControllables</c>.
/// </summary>
public sealed record ConditionGroupEvaluation(
    [property: JsonPropertyName("evaluationStatus")] string EvaluationStatus,
    [property: JsonPropertyName("evaluationTime")] long EvaluationTime,
    [property: JsonPropertyName("failedDevices")] IReadOnlyList<string> FailedDevices,
    [property: JsonPropertyName("invalidatingDevices")] IReadOnlyList<string> InvalidatingDevices,
    [property: JsonPropertyName("ignoredControllables")] IReadOnlyList<string> IgnoredControllables);
