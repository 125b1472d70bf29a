using System.Text.Json.Serialization;
using Gateway.Core.Catalog;

namespace Gateway.Core;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
