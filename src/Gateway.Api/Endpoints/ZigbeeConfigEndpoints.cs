using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Licensing;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Radios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /config/{gatewayId}/zigbee/…: <c>joinNetwork</c> opens the gateway's Zigbee network for joining (permit-join for
/// the radio's configured time, 254 s by default) and answers an execId, as a box does.
/// </summary>
public static class ZigbeeConfigEndpoints
{
    public static void MapZigbeeConfigEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/config/{gatewayId}/zigbee/joinNetwork", async (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing) =>
        {
            var radio = Zigbee(gatewayId, radios, identity);
            pairing.EnsurePairingAllowed(radio.Protocol);
            try
            {
                await radio.StartPairingAsync(new PairingRequest(TimeSpan.Zero, null), context.RequestAborted);
            }
            catch (InvalidOperationException ex)
            {
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
            }
            catch (TimeoutException)
            {
                // A wedged coordinator: the radio resets it; the client may try again.
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"the Zigbee coordinator did not answer\""));
            }
            return Results.Json(new ExecIdResponse(Guid.NewGuid().ToString()), ApiJsonContext.Relaxed.ExecIdResponse);
        });
    }

    private static IRadio Zigbee(string gatewayId, RadioDirectory radios, SetupIdentity identity)
    {
        if (gatewayId != identity.GatewayId) throw new OverkizException(OverkizError.UnknownObject());
        return radios.Find("zigbee") ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "No Zigbee radio on this gateway"));
    }
}
