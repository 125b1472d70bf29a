using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>The calendar operations' own answers (the calendar objects themselves use CalendarJsonContext).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CalendarDayOidResponse))]
[JsonSerializable(typeof(CalendarRuleOidResponse))]
[JsonSerializable(typeof(CalendarRuleSetResponse))]
public sealed partial class CalendarApiJsonContext : JsonSerializerContext;
