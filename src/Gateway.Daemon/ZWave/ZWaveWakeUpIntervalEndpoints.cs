using System.Globalization;
using System.Text;
using System.Text.Json;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Radio.ZWave;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Daemon.ZWave;

/// <summary>
/// The wake-up interval of a sleeping Z-Wave node, in the style of <see cref="ZWaveParameterEndpoints"/>:
/// <list type="bullet">
/// <item><c>GET /gatewayd/zwave/nodes/{nodeId}/wakeUpInterval</c>: <c>{"nodeId","seconds"}</c> as the node last
/// reported it, with <c>"pending"</c> while a change waits for the node's next wake-up.</item>
/// <item><c>PUT /gatewayd/zwave/nodes/{nodeId}/wakeUpInterval</c> with <c>{"seconds": n}</c>: sent at the node's next
/// wake-up (202, <c>"pending": n</c>), or at once when the node is awake (200).</item>
/// </list>
/// A node that does not sleep, or an interval out of range, answers 400.
/// </summary>
public static class ZWaveWakeUpIntervalEndpoints
{
    private const long MaxBodyBytes = 1024;

    public static void MapZWaveWakeUpIntervalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/gatewayd/zwave/nodes/{nodeId}/wakeUpInterval", (string nodeId, ZWaveRadio radio) =>
        {
            var node = NodeId(nodeId);
            return Answer(node, Run(() => radio.GetWakeUpInterval(node)), StatusCodes.Status200OK);
        });

        app.MapPut("/gatewayd/zwave/nodes/{nodeId}/wakeUpInterval", async (string nodeId, HttpContext context, ZWaveRadio radio) =>
        {
            var node = NodeId(nodeId);
            var malformed = OverkizError.BadParameters("expected {\"seconds\": integer}");
            using var body = await RequestBody.ReadJsonAsync(context.Request, malformed, MaxBodyBytes);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("seconds", out var s) || !s.TryGetInt32(out var seconds))
                throw new OverkizException(malformed);
            ZWaveWakeUpIntervalResult result;
            try
            {
                result = await radio.ChangeWakeUpIntervalAsync(node, seconds, context.RequestAborted);
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
            return Answer(node, result, result.Pending is null ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
        });
    }

    private static byte NodeId(string nodeId) =>
        byte.TryParse(nodeId, NumberStyles.None, CultureInfo.InvariantCulture, out var node) && node is not (0 or > 232)
            ? node : throw new OverkizException(OverkizError.BadParameters($"no Z-Wave node {nodeId}"));

    private static ZWaveWakeUpIntervalResult Run(Func<ZWaveWakeUpIntervalResult> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException ex)
        {
            throw new OverkizException(OverkizError.BadParameters(ex.Message));
        }
    }

    private static IResult Answer(byte node, ZWaveWakeUpIntervalResult result, int status)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("nodeId", node);
            if (result.Seconds is { } seconds) json.WriteNumber("seconds", seconds);
            else json.WriteNull("seconds");
            if (result.Pending is { } pending) json.WriteNumber("pending", pending);
            json.WriteEndObject();
        }
        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json", Encoding.UTF8, status);
    }
}
