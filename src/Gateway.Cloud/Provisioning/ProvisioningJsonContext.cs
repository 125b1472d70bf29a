using System.Text.Json.Serialization;

namespace Gateway.Cloud.Provisioning;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstallationRequest))]
[JsonSerializable(typeof(InstallationResponse))]
[JsonSerializable(typeof(MqttEndpointResponse))]
[JsonSerializable(typeof(CloudErrorResponse))]
[JsonSerializable(typeof(ProvisionedEndpoint))]
internal sealed partial class ProvisioningJsonContext : JsonSerializerContext;
