using System.Text.Json.Serialization;

namespace Gateway.Core.Licensing;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(CustomerLicence))]
[JsonSerializable(typeof(StoredLicence))]
[JsonSerializable(typeof(LicenceView))]
public sealed partial class LicenceJsonContext : JsonSerializerContext
{
    public static LicenceJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
