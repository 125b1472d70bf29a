using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Executions;
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
/// io:StackComponent offers for it), under the licence's pairing policy. Answers an execId; as for the box's io
/// discover calls, that execution goes IN_PROGRESS, the devices found arrive as DeviceCreatedEvent and the end is the
/// execution's COMPLETED or FAILED ExecutionStateChangedEvent.
/// </summary>
public static class IoConfigEndpoints
{
    public static void MapIoConfigEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/config/{gatewayId}/io/discoverActuators", async (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity,
            IPairingPolicy pairing, IEventBus bus, TimeProvider time) =>
        {
            if (gatewayId != identity.GatewayId) throw new OverkizException(OverkizError.UnknownObject());
            var radio = radios.Find("io") ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"No io-homecontrol interface on this gateway\""));
            pairing.EnsurePairingAllowed(radio.Protocol);
            var execId = Guid.NewGuid().ToString();
            var owner = BearerTokenMiddleware.TokenOf(context)?.Label ?? "local";
            // Published before the interface is asked, so no end the radio reports can come before it.
            bus.Publish(new ExecutionStateChangedEvent(time.GetUtcNow().ToUnixTimeMilliseconds(), identity.SetupOid, execId, owner,
                ExecutionState.Initialized, ExecutionState.InProgress, 0, null, null, null));
            try
            {
                await radio.StartPairingAsync(new PairingRequest(TimeSpan.Zero, null) { ExecId = execId, Owner = owner }, context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                bus.Publish(new ExecutionStateChangedEvent(time.GetUtcNow().ToUnixTimeMilliseconds(), identity.SetupOid, execId, owner,
                    ExecutionState.InProgress, ExecutionState.Failed, -1, FailureType.NonExecuting.Name, FailureType.NonExecuting.Code, null));
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
            }
            return Results.Json(new ExecIdResponse(execId), ApiJsonContext.Relaxed.ExecIdResponse);
        });
    }
}
