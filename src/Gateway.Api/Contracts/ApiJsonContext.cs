using System.Text.Json.Serialization;
using Gateway.Core.Model;

namespace Gateway.Api.Contracts;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApiVersionResponse))]
[JsonSerializable(typeof(ExecIdResponse))]
[JsonSerializable(typeof(ListenerIdResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(IReadOnlyList<GatewayView>))]
[JsonSerializable(typeof(SetupView))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Device))]
[JsonSerializable(typeof(DeviceAddressResponse))]
[JsonSerializable(typeof(ActionGroupOidResponse))]
[JsonSerializable(typeof(TriggerIdResponse))]
[JsonSerializable(typeof(ZWaveControllerCapabilityResponse))]
[JsonSerializable(typeof(ZWaveAssociationGroupView))]
[JsonSerializable(typeof(ZWaveAssociationGroupsView))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>The same contract with <see cref="Gateway.Core.Json.RelaxedJson"/> escaping: what the API writes.</summary>
    public static ApiJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
