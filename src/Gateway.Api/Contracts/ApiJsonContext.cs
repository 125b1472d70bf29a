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
public sealed partial class ApiJsonContext : JsonSerializerContext;
