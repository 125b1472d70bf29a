using System.Text.Json;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Licensing;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Simulated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Daemon.Simulation;

/// <summary>
/// Endpoints of the simulated home (only when the simulated radio runs). They need a bearer token like the rest.
/// <list type="bullet">
/// <item><c>PUT /gatewayd/simulation/devices/{address}/fault</c> with <c>{"unreachable":bool,"latencyMs":int}</c>:
/// makes a simulated device silent or slow so failures can be shown.</item>
/// <item><c>PUT /gatewayd/simulation/devices/{address}/states</c> with <c>[{"name":"core:TemperatureState","value":27.5}]</c>:
/// the device reports those states now, through the radio's ordinary report path (events, triggers, storage see a
/// normal report). Each item has a <c>name</c>, a <c>value</c> (number, string or boolean) and optionally the Overkiz
/// <c>type</c> (1 int, 2 float, 3 string, 6 boolean); without it an integer is an int, unless the device keeps that
/// state as a float. Answers <c>{}</c>; an unknown address gets the unknown-object error, a bad body a 400.</item>
/// <item><c>PUT /gatewayd/simulation/devices/{address}/states/series</c> with <c>{"name":"core:TemperatureState","from":1,"count":1000}</c>:
/// the device reports the integer values from, from+1, … one report after the other (up to <see cref="MaxSeriesCount"/>),
/// for load and store-and-forward tests. Answers <c>{}</c> once all were reported.</item>
/// <item><c>POST /gatewayd/simulation/pairing/start</c>: opens the simulated radio for new devices for two minutes
/// (it finds none, the home is complete), after the same licence check as every pairing path.</item>
/// </list>
/// </summary>
public static class SimulationEndpoints
{
    public static readonly TimeSpan PairingDuration = TimeSpan.FromMinutes(2);
    public const int MaxStatesPerReport = 50;
    public const int MaxStateNameLength = 100;
    public const int MaxSeriesCount = 1_000_000;

    public static void MapSimulationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/gatewayd/simulation/devices/{address}/fault", async (string address, HttpContext context, SimulatedRadio radio) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("body must be JSON"));
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new OverkizException(OverkizError.BadParameters("body must be an object"));
            var unreachable = root.TryGetProperty("unreachable", out var u) && u.ValueKind == JsonValueKind.True;
            var latency = 0;
            if (root.TryGetProperty("latencyMs", out var l) && l.ValueKind != JsonValueKind.Null)
                latency = l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var ms) ? Math.Clamp(ms, 0, 60_000)
                    : throw new OverkizException(OverkizError.BadParameters("latencyMs must be an integer (milliseconds)"));
            var fault = unreachable || latency > 0 ? new DeviceFault(unreachable, TimeSpan.FromMilliseconds(latency)) : DeviceFault.None;
            return radio.SetFault(Uri.UnescapeDataString(address), fault)
                ? Results.Bytes("{}"u8.ToArray(), "application/json")
                : ErrorResults.From(OverkizError.UnknownObject());
        });

        app.MapPut("/gatewayd/simulation/devices/{address}/states/series", async (string address, HttpContext context, SimulatedRadio radio) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("body must be JSON"));
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() is not { Length: > 0 and <= MaxStateNameLength } stateName
                || !root.TryGetProperty("from", out var from) || !from.TryGetInt32(out var first) || first > int.MaxValue - MaxSeriesCount
                || !root.TryGetProperty("count", out var count) || !count.TryGetInt32(out var reports) || reports is < 1 or > MaxSeriesCount)
                return ErrorResults.From(OverkizError.BadParameters($"a series is {{\"name\":string,\"from\":integer,\"count\":1..{MaxSeriesCount}}}"));
            var url = Uri.UnescapeDataString(address);
            for (var i = 0; i < reports; i++)
                if (!radio.ReportStates(url, [DeviceState.Of(stateName, first + i)]))
                    return ErrorResults.From(OverkizError.UnknownObject());
            return Results.Bytes("{}"u8.ToArray(), "application/json");
        });

        app.MapPost("/gatewayd/simulation/pairing/start", async (HttpContext context, SimulatedRadio radio, IPairingPolicy pairing) =>
        {
            pairing.EnsurePairingAllowed(radio.Protocol);
            await radio.StartPairingAsync(new PairingRequest(PairingDuration, null), context.RequestAborted);
            return Results.Bytes("{}"u8.ToArray(), "application/json");
        });

        app.MapPut("/gatewayd/simulation/devices/{address}/states", async (string address, HttpContext context, SimulatedRadio radio) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("body must be JSON"));
            var states = ParseStates(body.RootElement);
            return radio.ReportStates(Uri.UnescapeDataString(address), states)
                ? Results.Bytes("{}"u8.ToArray(), "application/json")
                : ErrorResults.From(OverkizError.UnknownObject());
        });
    }

    /// <summary>The body of a states report: a non-empty array of <c>{"name","value"[,"type"]}</c>.</summary>
    public static IReadOnlyList<DeviceState> ParseStates(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 or > MaxStatesPerReport)
            throw Bad($"body must be an array of 1 to {MaxStatesPerReport} states, each {{\"name\":\"core:TemperatureState\",\"value\":21.5}}");
        var states = new List<DeviceState>();
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw Bad("each state is an object with name and value");
            if (!item.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
                || nameElement.GetString() is not { Length: > 0 and <= MaxStateNameLength } name || string.IsNullOrWhiteSpace(name))
                throw Bad($"each state needs a name (a string of 1 to {MaxStateNameLength} characters)");
            if (!item.TryGetProperty("value", out var value)) throw Bad($"state {name} has no value");
            StateType? type = null;
            if (item.TryGetProperty("type", out var typeElement))
            {
                if (typeElement.ValueKind != JsonValueKind.Number || !typeElement.TryGetInt32(out var code) || code is not ((int)StateType.Int or (int)StateType.Float or (int)StateType.String or (int)StateType.Boolean))
                    throw Bad($"state {name}: type is 1 (int), 2 (float), 3 (string) or 6 (boolean)");
                type = (StateType)code;
            }
            states.Add(State(name, value, type) ?? throw Bad($"state {name}: the value does not fit its type (a number, a string or a boolean)"));
        }
        return states;
    }

    private static DeviceState? State(string name, JsonElement value, StateType? type) => (value.ValueKind, type) switch
    {
        (JsonValueKind.Number, null) when value.TryGetInt32(out var i) => DeviceState.Of(name, i),
        (JsonValueKind.Number, StateType.Int) when value.TryGetInt32(out var i) => DeviceState.Of(name, i),
        (JsonValueKind.Number, null or StateType.Float) when value.TryGetDouble(out var d) && double.IsFinite(d) => DeviceState.Of(name, d),
        (JsonValueKind.String, null or StateType.String) => DeviceState.Of(name, value.GetString()!),
        (JsonValueKind.True or JsonValueKind.False, null or StateType.Boolean) => DeviceState.Of(name, value.GetBoolean()),
        _ => null,
    };

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));
}
