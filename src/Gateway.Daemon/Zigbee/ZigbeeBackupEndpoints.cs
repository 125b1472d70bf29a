using Gateway.Core.Errors;
using Gateway.Radio.Zigbee;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Daemon.Zigbee;

/// <summary>
/// Zigbee network backup (only when the Zigbee radio runs; bearer token needed like the rest, the backup holds the
/// network key):
/// <list type="bullet">
/// <item><c>GET /gatewayd/zigbee/backup</c>: the network (PAN ID, extended PAN ID, channel, key, frame counter, coordinator
/// IEEE) in the open coordinator backup format zigpy and zigbee-herdsman read.</item>
/// <item><c>POST /gatewayd/zigbee/restore</c> with such a backup: becomes the gateway's network; a coordinator that runs
/// another one is cleared and forms the backup's network with its frame counter advanced by a safe margin.</item>
/// </list>
/// </summary>
public static class ZigbeeBackupEndpoints
{
    private const long MaxBackupBytes = 64 * 1024;

    public static void MapZigbeeBackupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/gatewayd/zigbee/backup", async (HttpContext context, ZigbeeRadio radio) =>
        {
            try
            {
                return Results.Text(await radio.BackupAsync(context.RequestAborted), "application/json");
            }
            catch (InvalidOperationException ex)
            {
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
            }
        });

        app.MapPost("/gatewayd/zigbee/restore", async (HttpContext context, ZigbeeRadio radio) =>
        {
            if (context.Request.ContentLength is > MaxBackupBytes) throw new OverkizException(OverkizError.BodyTooLarge(MaxBackupBytes));
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                await radio.RestoreAsync(text, context.RequestAborted);
            }
            catch (FormatException ex)
            {
                throw new OverkizException(OverkizError.BadParameters(ex.Message));
            }
            return Results.Bytes("{}"u8.ToArray(), "application/json");
        });
    }
}
