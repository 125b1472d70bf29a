using System.Text.Json;
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
/// /config/{gatewayId}/zigbee/…, each answering an execId as a box does, the outcome following as events
/// (Zigbee…NetworkCompletedEvent / …FailedEvent):
/// <c>joinNetwork</c> opens the gateway's Zigbee network for joining (permit-join for the radio's configured time,
/// 254 s by default); <c>createNetwork</c> (and <c>createNetwork/channels</c> with a JSON array of allowed channels)
/// forms a new network; <c>leaveNetwork</c> ends the current one; <c>refreshNetwork</c> reads every device again;
/// <c>bindNetwork</c> binds every device's clusters and reporting again. What each means for a coordinator is on
/// the radio (<see cref="IRadioNetworkManagement"/>).
/// </summary>
public static class ZigbeeConfigEndpoints
{
    private const int MaxChannelBodyBytes = 1024;

    public static void MapZigbeeConfigEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/config/{gatewayId}/zigbee/joinNetwork", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing) =>
        {
            var radio = Zigbee(gatewayId, radios, identity);
            pairing.EnsurePairingAllowed(radio.Protocol);
            return RunAsync(() => radio.StartPairingAsync(new PairingRequest(TimeSpan.Zero, null), context.RequestAborted));
        });
        api.MapPost("/config/{gatewayId}/zigbee/createNetwork", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
            RunAsync(() => Network(gatewayId, radios, identity).CreateNetworkAsync([], context.RequestAborted)));
        api.MapPost("/config/{gatewayId}/zigbee/createNetwork/channels", async (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
        {
            var network = Network(gatewayId, radios, identity);
            var channels = await ReadChannelsAsync(context.Request);
            return await RunAsync(() => network.CreateNetworkAsync(channels, context.RequestAborted));
        });
        api.MapPost("/config/{gatewayId}/zigbee/leaveNetwork", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
            RunAsync(() => Network(gatewayId, radios, identity).LeaveNetworkAsync(context.RequestAborted)));
        api.MapPost("/config/{gatewayId}/zigbee/refreshNetwork", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
            RunAsync(() => Network(gatewayId, radios, identity).RefreshNetworkAsync(context.RequestAborted)));
        api.MapPost("/config/{gatewayId}/zigbee/bindNetwork", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
            RunAsync(() => Network(gatewayId, radios, identity).BindNetworkAsync(context.RequestAborted)));
    }

    private static async Task<IResult> RunAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (ArgumentException ex)
        {
            throw new OverkizException(OverkizError.BadParameters(ex.Message.Split(" (Parameter", 2)[0]));
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
    }

    /// <summary>The body of createNetwork/channels: a JSON array of channel numbers.</summary>
    private static async Task<IReadOnlyList<int>> ReadChannelsAsync(HttpRequest request)
    {
        var malformed = OverkizError.BadParameters("expected a JSON array of Zigbee channels (11 to 26)");
        using var body = await RequestBody.ReadJsonAsync(request, malformed, MaxChannelBodyBytes);
        if (body.RootElement.ValueKind != JsonValueKind.Array || body.RootElement.GetArrayLength() == 0) throw new OverkizException(malformed);
        var channels = new List<int>();
        foreach (var item in body.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var channel)) throw new OverkizException(malformed);
            channels.Add(channel);
        }
        return channels;
    }

    private static IRadio Zigbee(string gatewayId, RadioDirectory radios, SetupIdentity identity)
    {
        if (gatewayId != identity.GatewayId) throw new OverkizException(OverkizError.UnknownObject());
        return radios.Find("zigbee") ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "No Zigbee radio on this gateway"));
    }

    private static IRadioNetworkManagement Network(string gatewayId, RadioDirectory radios, SetupIdentity identity) =>
        Zigbee(gatewayId, radios, identity) as IRadioNetworkManagement
        ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"The Zigbee radio of this gateway does not manage its network\""));
}
