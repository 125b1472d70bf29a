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
/// /config/{gatewayId}/io/discoverActuators: the io-homecontrol interface looks for new actuators (the command an
/// io:StackComponent offers for it), under the licence's pairing policy. Answers an execId; the devices found arrive
/// as DeviceCreatedEvent and the end as IoDiscoverActuatorsCompletedEvent / …FailedEvent.
/// </summary>
public static class IoConfigEndpoints
{
    public static void MapIoConfigEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/config/{gatewayId}/io/discoverActuators", async (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing) =>
        {
            if (gatewayId != identity.GatewayId) throw new OverkizException(OverkizError.UnknownObject());
            var radio = radios.Find("io") ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"No io-homecontrol interface on this gateway\""));
            pairing.EnsurePairingAllowed(radio.Protocol);
            try
            {
                await radio.StartPairingAsync(new PairingRequest(TimeSpan.Zero, null), context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
            }
            return Results.Json(new ExecIdResponse(Guid.NewGuid().ToString()), ApiJsonContext.Relaxed.ExecIdResponse);
        });
    }
}
