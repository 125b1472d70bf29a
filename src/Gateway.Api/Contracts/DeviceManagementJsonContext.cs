using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>Source-generated JSON of the place and device-management answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PlaceOidResponse))]
[JsonSerializable(typeof(JobIdResponse))]
[JsonSerializable(typeof(IReadOnlyList<SetupFeatureView>))]
[JsonSerializable(typeof(IReadOnlyList<SetupQuotaView>))]
[JsonSerializable(typeof(SetupQuotaView))]
[JsonSerializable(typeof(IReadOnlyList<SetupOptionView>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<string>>))]
public sealed partial class DeviceManagementJsonContext : JsonSerializerContext
{
    /// <summary>The same contract with <see cref="Gateway.Core.Json.RelaxedJson"/> escaping: what the API writes.</summary>
    public static DeviceManagementJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
