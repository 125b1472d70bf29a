using System.Globalization;
using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.History;
using Gateway.Core.Model;
using Gateway.Engine.Devices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Api.Endpoints;

/// <summary>
/// GET /setup/devices/{deviceURL}/states[/{name}]/history[/stacked][/daily|monthly|annual]/{from}/{to}: the history
/// of one state (an object) or of every historised state of the device (an array, each entry naming its state).
/// Stacked answers put the device beside the other devices of its kind. See docs/state-history.md.
/// </summary>
public static class StateHistoryEndpoints
{
    public static IResult Answer(HttpContext context, DeviceRegistry registry, StateHistoryRoute route)
    {
        if (!DeviceUrl.TryParse(route.DeviceUrl, out _)) throw new OverkizException(OverkizError.NoSuchDevice(Shorten(route.DeviceUrl)));
        var device = registry.Find(route.DeviceUrl) ?? throw new OverkizException(OverkizError.NoSuchDevice(route.DeviceUrl));
        var limitText = context.Request.Query["limit"].ToString();
        var limit = StateHistoryLimits.MaxRawValues;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > StateHistoryLimits.MaxRawValues))
            throw new OverkizException(OverkizError.BadParameters($"limit must be a number from 1 to {StateHistoryLimits.MaxRawValues}"));
        var (from, to) = ParseRange(route, limitText.Length > 0);
        if (route.StateName is { } name && device.FindState(name) is { } current && StateHistoryRules.KindOf(current.Type, name) is null)
            throw new OverkizException(OverkizError.UnknownObject());
        var reader = context.RequestServices.GetService<IStateHistoryReader>() ?? throw new OverkizException(OverkizError.UnknownObject());
        var stack = route.Stacked ? StackOf(registry, device) : [device];
        return new StateHistoryResult(async http =>
        {
            var cancel = http.RequestAborted;
            var names = route.StateName is { } one ? [one] : await reader.HistorisedStatesAsync(device.DeviceUrl, cancel);
            var answers = new List<(string Name, StateHistorySeries?[] Levels)>();
            foreach (var stateName in names)
            {
                var levels = new StateHistorySeries?[stack.Count];
                for (var i = 0; i < stack.Count; i++)
                    levels[i] = await reader.ReadAsync(stack[i].DeviceUrl, stateName, route.Resolution, from, to, limit, cancel);
                answers.Add((stateName, levels));
            }
            // One state asked: unknown unless the device has it now or had it (a history outlives a state the device stopped reporting).
            if (route.StateName is not null && answers[0].Levels[0] is null && device.FindState(route.StateName) is null)
                throw new OverkizException(OverkizError.UnknownObject());
            http.Response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(http.Response.Body);
            if (route.StateName is null) json.WriteStartArray();
            foreach (var (stateName, levels) in answers)
            {
                var kind = levels[0]?.Kind ?? KindOfCurrent(device, stateName);
                if (route.Stacked) StateHistoryJson.WriteStacked(json, route.StateName is null ? stateName : null, stack, levels, kind, UnitOf(device, stateName));
                else StateHistoryJson.WritePlain(json, route.StateName is null ? stateName : null, levels[0], kind, UnitOf(device, stateName));
            }
            if (route.StateName is null) json.WriteEndArray();
            await json.FlushAsync(cancel);
        });
    }

    private static (long From, long To) ParseRange(StateHistoryRoute route, bool limited)
    {
        if (!long.TryParse(route.From, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(route.To, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || to > StateHistoryLimits.MaxTime)
            throw new OverkizException(OverkizError.BadParameters("from and to must be times in milliseconds since 1970"));
        if (to < from) throw new OverkizException(OverkizError.BadParameters("from must not be after to"));
        var span = StateHistoryLimits.SpanOf(route.Resolution, limited);
        if (to - from > (long)span.TotalMilliseconds)
            throw new OverkizException(OverkizError.BadParameters($"the range exceeds the limit of {span.TotalDays:0} days for this history"));
        return (from, to);
    }

    private static List<Device> StackOf(DeviceRegistry registry, Device device) =>
        [device, .. registry.All()
            .Where(d => d.ControllableName == device.ControllableName && d.DeviceUrl != device.DeviceUrl)
            .Take(StateHistoryLimits.MaxStackLevels - 1)];

    private static StateHistoryKind KindOfCurrent(Device device, string stateName) =>
        device.FindState(stateName) is { } state && StateHistoryRules.KindOf(state.Type, stateName) is { } kind ? kind : StateHistoryKind.Discrete;

    /// <summary>The device's declared measure (core:MeasuredValueType) or the unit the state's name implies; null when neither says.</summary>
    private static string? UnitOf(Device device, string stateName)
    {
        foreach (var attribute in device.Attributes)
            if (attribute.Name == "core:MeasuredValueType" && attribute.Value.ValueKind == JsonValueKind.String) return attribute.Value.GetString();
        return stateName switch
        {
            "core:TemperatureState" or "core:TargetTemperatureState" => "core:TemperatureInCelcius",
            "core:RelativeHumidityState" => "core:RelativeValueInPercentage",
            "core:LuminanceState" or "core:LightIntensityState" => "core:LuminanceInLux",
            "core:ElectricPowerConsumptionState" => "core:ElectricalPowerInW",
            "core:ElectricEnergyConsumptionState" => "core:ElectricalEnergyInWh",
            "core:ClosureState" or "core:TargetClosureState" or "core:BatteryLevelState" => "core:RelativeValueInPercentage",
            _ => null,
        };
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
