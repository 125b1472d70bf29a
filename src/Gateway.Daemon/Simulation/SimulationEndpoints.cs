using System.Text.Json;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Radio.Simulated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Daemon.Simulation;

/// <summary>
/// <c>PUT /gatewayd/simulation/devices/{address}/fault</c> with <c>{"unreachable":bool,"latencyMs":int}</c>:
/// makes a simulated device silent or slow so failures can be shown. Needs a bearer token like the rest.
/// </summary>
public static class SimulationEndpoints
{
    public static void MapSimulationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPut("/gatewayd/simulation/devices/{address}/fault", async (string address, HttpContext context, SimulatedRadio radio) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("body must be JSON"));
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new OverkizException(OverkizError.BadParameters("body must be an object"));
            var unreachable = root.TryGetProperty("unreachable", out var u) && u.ValueKind == JsonValueKind.True;
            var latency = root.TryGetProperty("latencyMs", out var l) && l.TryGetInt32(out var ms) ? Math.Clamp(ms, 0, 60_000) : 0;
            var fault = unreachable || latency > 0 ? new DeviceFault(unreachable, TimeSpan.FromMilliseconds(latency)) : DeviceFault.None;
            return radio.SetFault(Uri.UnescapeDataString(address), fault)
                ? Results.Bytes("{}"u8.ToArray(), "application/json")
                : ErrorResults.From(OverkizError.UnknownObject());
        });
}
