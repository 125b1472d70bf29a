using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>The calendar operations' own answers (the calendar objects themselves use CalendarJsonContext).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CalendarDayOidResponse))]
[JsonSerializable(typeof(CalendarRuleOidResponse))]
[JsonSerializable(typeof(CalendarRuleSetResponse))]
public sealed partial class CalendarApiJsonContext : JsonSerializerContext
{
    /// <summary>The same contract with <see cref="Gateway.Core.Json.RelaxedJson"/> escaping: what the API writes.</summary>
    public static CalendarApiJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
