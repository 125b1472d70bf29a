using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A trigger as the API shows it: wrapped in a member named after its type.</summary>
public sealed record SetupTriggerEnvelope([property: JsonPropertyName(SetupTriggerTypes.IfThen)] IfThenSetupTrigger IfThenSetupTrigger);
