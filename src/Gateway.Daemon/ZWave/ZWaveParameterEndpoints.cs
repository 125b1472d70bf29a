using System.Globalization;
using System.Text;
using System.Text.Json;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Radio.ZWave;
using Gateway.Radio.ZWave.CommandClasses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Daemon.ZWave;

/// <summary>
/// Z-Wave configuration parameters (only when the Z-Wave radio runs; bearer token needed like the rest):
/// <list type="bullet">
/// <item><c>GET /gatewayd/zwave/nodes/{nodeId}/parameters/{parameter}</c>: the value the node reports
/// (<c>{"nodeId","parameter","size","value"}</c>); for a sleeping node the last value it reported.</item>
/// <item><c>PUT /gatewayd/zwave/nodes/{nodeId}/parameters/{parameter}</c> with <c>{"value": n, "size": 1|2|4}</c>:
/// written, then read back (200); for a sleeping node it waits for the node's wake-up (202, <c>"queued": true</c>).</item>
/// </list>
/// </summary>
public static class ZWaveParameterEndpoints
{
    private const long MaxBodyBytes = 1024;

    public static void MapZWaveParameterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/gatewayd/zwave/nodes/{nodeId}/parameters/{parameter}", async (string nodeId, string parameter, HttpContext context, ZWaveRadio radio) =>
        {
            var (node, number) = Address(nodeId, parameter);
            var result = await RunAsync(() => radio.GetParameterAsync(node, number, context.RequestAborted));
            return Answer(node, number, result);
        });

        app.MapPut("/gatewayd/zwave/nodes/{nodeId}/parameters/{parameter}", async (string nodeId, string parameter, HttpContext context, ZWaveRadio radio) =>
        {
            var (node, number) = Address(nodeId, parameter);
            var malformed = OverkizError.BadParameters("expected {\"value\": integer, \"size\": 1, 2 or 4}");
            using var body = await RequestBody.ReadJsonAsync(context.Request, malformed, MaxBodyBytes);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var v) || !v.TryGetInt64(out var value)
                || !root.TryGetProperty("size", out var s) || !s.TryGetInt32(out var size) || !ConfigurationCommandClass.IsValidSize(size))
                throw new OverkizException(malformed);
            if (!ConfigurationCommandClass.Fits(value, size)) throw new OverkizException(OverkizError.BadParameters($"{value} does not fit a signed {size}-byte parameter"));
            var result = await RunAsync(() => radio.SetParameterAsync(node, number, size, value, context.RequestAborted));
            return Answer(node, number, result);
        });
    }

    private static (byte Node, byte Parameter) Address(string nodeId, string parameter)
    {
        if (!byte.TryParse(nodeId, NumberStyles.None, CultureInfo.InvariantCulture, out var node) || node is 0 or > 232)
            throw new OverkizException(OverkizError.BadParameters($"no Z-Wave node {nodeId}"));
        if (!byte.TryParse(parameter, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw new OverkizException(OverkizError.BadParameters($"parameter {parameter} is not a number 0-255"));
        return (node, number);
    }

    private static async Task<ZWaveParameterResult> RunAsync(Func<Task<ZWaveParameterResult>> operation)
    {
        try
        {
            return await operation();
        }
        catch (ArgumentException ex)
        {
            throw new OverkizException(OverkizError.BadParameters(ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ZWaveDeliveryException)
        {
            throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
        }
        catch (TimeoutException)
        {
            throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"the Z-Wave node did not answer\""));
        }
    }

    private static IResult Answer(byte node, byte parameter, ZWaveParameterResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("nodeId", node);
            json.WriteNumber("parameter", parameter);
            if (result.Value is { } value)
            {
                json.WriteNumber("size", value.Size);
                json.WriteNumber("value", value.Value);
            }
            if (result.Queued) json.WriteBoolean("queued", true);
            json.WriteEndObject();
        }
        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json", Encoding.UTF8, result.Queued ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }
}
