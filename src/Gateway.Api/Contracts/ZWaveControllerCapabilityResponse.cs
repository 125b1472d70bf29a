using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>0 unknown, 1 first configuration, 2 primary controller, 3 secondary controller.</summary>
public sealed record ZWaveControllerCapabilityResponse([property: JsonPropertyName("controllerCapability")] int ControllerCapability);
