using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Licensing;
using Gateway.Core.Model;
using Gateway.Radio.Rts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Rts;

/// <summary>
/// RTS pairing as the box offers it, under the local API:
/// <list type="bullet">
/// <item><c>GET /config/{gatewayId}/rts/channel</c>: <c>{"rtsChannelId": N}</c>, the channel (RFY address) the next
/// pairing gets. Channels only count upwards; one used once is never given again.</item>
/// <item><c>GET /config/{gatewayId}/rts/transferKey/{channel}/{type}</c>: with the motor in programming mode (PROG held
/// on its own remote until it jogged), sends "program" from the channel's address. Type 0 is an up/down device (a
/// roller shutter), 1 a "4-time" device (a venetian blind); <c>?controllableName=rts:HorizontalAwningRTSComponent</c>
/// (or another RTS controllable) says exactly what it is. Answers an execId once the transceiver confirmed; events
/// DeviceCreatedEvent and RtsTransferKeyCompletedEvent (RtsTransferKeyFailedEvent on failure) follow.</item>
/// </list>
/// And under <c>/gatewayd/rts/</c>: <c>channels</c> (every channel the gateway used, with its status) and
/// <c>remotes</c> (the transceiver's own remote table with rolling codes).
/// </summary>
public static class RtsConfigEndpoints
{
    public static void MapRtsConfigEndpoints(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapGet("/config/{gatewayId}/rts/channel", (string gatewayId, HttpContext context, SetupIdentity identity) =>
        {
            var radio = Rts(gatewayId, context, identity);
            int channel;
            try
            {
                channel = radio.NextChannel();
            }
            catch (InvalidOperationException ex)
            {
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
            }
            return Json(w => w.WriteNumber("rtsChannelId", channel));
        });

        api.MapGet("/config/{gatewayId}/rts/transferKey/{channel}/{type}", async (string gatewayId, string channel, string type, HttpContext context,
            SetupIdentity identity, IPairingPolicy pairing) =>
        {
            var radio = Rts(gatewayId, context, identity);
            pairing.EnsurePairingAllowed(radio.Protocol);
            if (!int.TryParse(channel, out var channelId)) throw new OverkizException(OverkizError.BadParameters("channel must be an RTS channel number"));
            var kind = context.Request.Query["controllableName"].ToString() is { Length: > 0 } named ? named
                : int.TryParse(type, out var typeId) && RtsKinds.ForTransferKeyType(typeId) is { } byType ? byType
                : throw new OverkizException(OverkizError.BadParameters("type must be 0 (up/down device) or 1 (4-time device)"));
            try
            {
                await radio.PairAsync(channelId, kind, context.RequestAborted);
            }
            catch (ArgumentException ex)
            {
                throw new OverkizException(OverkizError.BadParameters(ex.Message));
            }
            catch (InvalidOperationException ex)
            {
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
            }
            var execId = Guid.NewGuid().ToString();
            return Json(w => w.WriteString("execId", execId));
        });

        app.MapGet("/gatewayd/rts/channels", (HttpContext context) =>
        {
            var radio = context.RequestServices.GetService<RtsRadio>() ?? throw new OverkizException(NoRadio());
            return JsonArray(w =>
            {
                foreach (var (channel, rfy, status) in radio.Channels)
                {
                    w.WriteStartObject();
                    w.WriteNumber("channel", channel);
                    w.WriteString("rfyAddress", rfy);
                    w.WriteString("status", status);
                    w.WriteEndObject();
                }
            });
        });

        app.MapGet("/gatewayd/rts/remotes", async (HttpContext context) =>
        {
            var radio = context.RequestServices.GetService<RtsRadio>() ?? throw new OverkizException(NoRadio());
            IReadOnlyList<Gateway.Radio.Rts.Protocol.RfyRemoteEntry> remotes;
            try
            {
                remotes = await radio.ListTransceiverRemotesAsync(context.RequestAborted);
            }
            catch (Gateway.Core.Radio.RadioCommandException ex)
            {
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
            }
            return JsonArray(w =>
            {
                foreach (var remote in remotes)
                {
                    w.WriteStartObject();
                    w.WriteString("rfyAddress", remote.Address.ToString());
                    w.WriteString("type", remote.Asa ? "ASA" : "RFY");
                    if (remote.RollingCode is { } code) w.WriteNumber("rollingCode", code);
                    w.WriteEndObject();
                }
            });
        });
    }

    private static RtsRadio Rts(string gatewayId, HttpContext context, SetupIdentity identity)
    {
        if (gatewayId != identity.GatewayId) throw new OverkizException(OverkizError.UnknownObject());
        return context.RequestServices.GetService<RtsRadio>() ?? throw new OverkizException(NoRadio());
    }

    private static OverkizError NoRadio() => new(400, "UNSPECIFIED_ERROR", "\"No RTS radio on this gateway\"");

    private static IResult Json(Action<Utf8JsonWriter> write) => Write(w =>
    {
        w.WriteStartObject();
        write(w);
        w.WriteEndObject();
    });

    private static IResult JsonArray(Action<Utf8JsonWriter> write) => Write(w =>
    {
        w.WriteStartArray();
        write(w);
        w.WriteEndArray();
    });

    private static IResult Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return Results.Bytes(buffer.ToArray(), "application/json");
    }
}
