using System.Text.Json.Serialization;
using Gateway.Core.History;

namespace Gateway.Api.Contracts;

/// <summary>The answers of /history/* (the deprecated /history/executions keeps GatewayJsonContext's shape).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<DeviceEvent>))]
[JsonSerializable(typeof(DeviceEventResponse))]
[JsonSerializable(typeof(IReadOnlyList<ExecutionHistoryView>))]
[JsonSerializable(typeof(ExecutionHistoryResponse))]
[JsonSerializable(typeof(IReadOnlyList<HistoryEntryView>))]
public sealed partial class HistoryApiJsonContext : JsonSerializerContext
{
    /// <summary>The same contract with <see cref="Gateway.Core.Json.RelaxedJson"/> escaping: what the API writes.</summary>
    public static HistoryApiJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
