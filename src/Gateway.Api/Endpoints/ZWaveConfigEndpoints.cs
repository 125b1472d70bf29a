using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Licensing;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Devices;
using Gateway.Engine.Radios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /config/{gatewayId}/zwave/…: inclusion and exclusion (<c>pairing/inclusion/start|stop</c>,
/// <c>pairing/exclusion/start|stop</c> with an optional body <c>{"timeout": s, "mode": "low|normal|wide"}</c>, and
/// the older <c>inclusion/…</c>, <c>inclusionMode/…</c>, <c>exclusion/…</c>, <c>exclusionMode/…</c> paths), failed
/// devices (POST checks, DELETE removes, <c>/replace</c> replaces), <c>reset</c>, <c>controllerCapability</c>, and
/// association groups (<c>association/nodes/{nodeId}/groups[/{groupId}]</c>: GET what the node last reported, POST a
/// JSON array of node ids to set a group, <c>…/refresh</c> to ask the node again).
/// Each answers an execId as a box does; the outcome follows as events (ZWaveSetModeCompleteEvent / …FailedEvent,
/// ZWaveResetCompleteEvent, DeviceCreatedEvent for an included device, DeviceRemovedEvent for an excluded one).
/// Inclusion goes through the licence's pairing policy like every other way of adding a device.
/// </summary>
public static class ZWaveConfigEndpoints
{
    private const int MaxBodyBytes = 1024;
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);
    private static readonly string[] SecurityTypes = ["none", "CRC16", "S0", "S2"];

    private sealed record ModeRequest(TimeSpan Timeout, bool HighPower, bool NetworkWide);

    public static void MapZWaveConfigEndpoints(this IEndpointRouteBuilder api)
    {
        foreach (var path in new[] { "pairing/inclusion/start", "inclusion/start", "inclusionMode/start" })
            api.MapPost($"/config/{{gatewayId}}/zwave/{path}", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing) =>
                StartInclusionAsync(gatewayId, null, context, radios, identity, pairing));
        api.MapPost("/config/{gatewayId}/zwave/inclusion/start/{timeout}", (string gatewayId, string timeout, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing) =>
            StartInclusionAsync(gatewayId, timeout, context, radios, identity, pairing));
        foreach (var path in new[] { "pairing/exclusion/start", "exclusion/start", "exclusionMode/start" })
            api.MapPost($"/config/{{gatewayId}}/zwave/{path}", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
                StartExclusionAsync(gatewayId, null, context, radios, identity));
        api.MapPost("/config/{gatewayId}/zwave/exclusion/start/{timeout}", (string gatewayId, string timeout, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
            StartExclusionAsync(gatewayId, timeout, context, radios, identity));
        foreach (var path in new[] { "pairing/inclusion/stop", "inclusion/stop", "inclusionMode/stop", "pairing/exclusion/stop", "exclusion/stop", "exclusionMode/stop" })
            api.MapPost($"/config/{{gatewayId}}/zwave/{path}", (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
                RunAsync(() => Controller(gatewayId, radios, identity).StopModeAsync(context.RequestAborted)));

        api.MapPost("/config/{gatewayId}/zwave/failedDevice/{targetDeviceId}", (string gatewayId, string targetDeviceId, HttpContext context, RadioDirectory radios, SetupIdentity identity, DeviceRegistry devices) =>
            RunAsync(() => Controller(gatewayId, radios, identity).IsFailedNodeAsync(Target(targetDeviceId, devices), context.RequestAborted)));
        api.MapDelete("/config/{gatewayId}/zwave/failedDevice/{targetDeviceId}", (string gatewayId, string targetDeviceId, HttpContext context, RadioDirectory radios, SetupIdentity identity, DeviceRegistry devices) =>
            RunAsync(() => Controller(gatewayId, radios, identity).RemoveFailedNodeAsync(Target(targetDeviceId, devices), context.RequestAborted)));
        api.MapPost("/config/{gatewayId}/zwave/failedDevice/{targetDeviceId}/replace",
            (string gatewayId, string targetDeviceId, HttpContext context, RadioDirectory radios, SetupIdentity identity, DeviceRegistry devices, IPairingPolicy pairing) =>
            {
                var controller = Controller(gatewayId, radios, identity);
                pairing.EnsurePairingAllowed(ProtocolName);
                return RunAsync(() => controller.ReplaceFailedNodeAsync(Target(targetDeviceId, devices), context.RequestAborted));
            });

        api.MapPost("/config/{gatewayId}/zwave/reset", async (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
        {
            await RunAsync(() => Controller(gatewayId, radios, identity).ResetAsync(context.RequestAborted));
            return Results.Ok();
        });
        MapAssociationEndpoints(api);
        api.MapGet("/config/{gatewayId}/zwave/controllerCapability", (string gatewayId, RadioDirectory radios, SetupIdentity identity) =>
            Results.Json(new ZWaveControllerCapabilityResponse(Controller(gatewayId, radios, identity).ControllerCapability),
                ApiJsonContext.Relaxed.ZWaveControllerCapabilityResponse));
    }

    private const string ProtocolName = "zwave";

    private static void MapAssociationEndpoints(IEndpointRouteBuilder api)
    {
        const string Groups = "/config/{gatewayId}/zwave/association/nodes/{nodeId}/groups";
        api.MapGet(Groups, (string gatewayId, string nodeId, RadioDirectory radios, SetupIdentity identity) =>
        {
            var groups = Associations(gatewayId, radios, identity).AssociationGroups(Number(nodeId)) ?? throw new OverkizException(OverkizError.UnknownObject());
            return Results.Json(new ZWaveAssociationGroupsView(Math.Max(groups.GroupCount, groups.Groups.Count), [.. groups.Groups.Select(View)]),
                ApiJsonContext.Relaxed.ZWaveAssociationGroupsView);
        });
        api.MapGet(Groups + "/{groupId}", (string gatewayId, string nodeId, string groupId, RadioDirectory radios, SetupIdentity identity) =>
        {
            var groups = Associations(gatewayId, radios, identity).AssociationGroups(Number(nodeId)) ?? throw new OverkizException(OverkizError.UnknownObject());
            var group = groups.Groups.FirstOrDefault(g => g.GroupId == Number(groupId)) ?? throw new OverkizException(OverkizError.UnknownObject());
            return Results.Json(View(group), ApiJsonContext.Relaxed.ZWaveAssociationGroupView);
        });
        api.MapPost(Groups + "/refresh", (string gatewayId, string nodeId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
            RunAsync(() => Associations(gatewayId, radios, identity).RefreshAssociationGroupsAsync(Number(nodeId), null, context.RequestAborted), NodeSilent));
        api.MapPost(Groups + "/{groupId}/refresh", (string gatewayId, string nodeId, string groupId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
            RunAsync(() => Associations(gatewayId, radios, identity).RefreshAssociationGroupsAsync(Number(nodeId), Number(groupId), context.RequestAborted), NodeSilent));
        api.MapPost(Groups + "/{groupId}", async (string gatewayId, string nodeId, string groupId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
        {
            var associations = Associations(gatewayId, radios, identity);
            var malformed = OverkizError.BadParameters("expected a JSON array of node ids");
            List<int> nodes = [];
            using (var body = await RequestBody.ReadJsonAsync(context.Request, malformed, MaxBodyBytes))
            {
                if (body.RootElement.ValueKind != JsonValueKind.Array) throw new OverkizException(malformed);
                foreach (var item in body.RootElement.EnumerateArray())
                    nodes.Add(item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var node) && node is >= 1 and <= 232
                        ? node : throw new OverkizException(OverkizError.BadParameters("node ids run from 1 to 232")));
            }
            return await RunAsync(() => associations.SetAssociationGroupAsync(Number(nodeId), Number(groupId), nodes, context.RequestAborted), NodeSilent);
        });
    }

    private const string NodeSilent = "the Z-Wave node did not answer";

    private static ZWaveAssociationGroupView View(RadioAssociationGroup group) => new(group.MaxNodes, group.GroupId, group.Nodes);

    private static int Number(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : throw new OverkizException(OverkizError.UnknownObject());

    private static IRadioAssociationGroups Associations(string gatewayId, RadioDirectory radios, SetupIdentity identity) =>
        Controller(gatewayId, radios, identity) as IRadioAssociationGroups
        ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"The Z-Wave radio of this gateway has no association groups\""));

    private static async Task<IResult> StartInclusionAsync(string gatewayId, string? timeout, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing)
    {
        var controller = Controller(gatewayId, radios, identity);
        var request = await ReadModeRequestAsync(context.Request, timeout, inclusion: true);
        pairing.EnsurePairingAllowed(ProtocolName);
        return await RunAsync(() => controller.StartInclusionAsync(request.Timeout, request.HighPower, request.NetworkWide, context.RequestAborted));
    }

    private static async Task<IResult> StartExclusionAsync(string gatewayId, string? timeout, HttpContext context, RadioDirectory radios, SetupIdentity identity)
    {
        var controller = Controller(gatewayId, radios, identity);
        var request = await ReadModeRequestAsync(context.Request, timeout, inclusion: false);
        return await RunAsync(() => controller.StartExclusionAsync(request.Timeout, request.HighPower, request.NetworkWide, context.RequestAborted));
    }

    /// <summary>The optional body: timeout in seconds (30 by default), power mode low (default), normal or wide, and for inclusion the highest security type.</summary>
    private static async Task<ModeRequest> ReadModeRequestAsync(HttpRequest request, string? timeoutInPath, bool inclusion)
    {
        var seconds = 30.0;
        var mode = "low";
        if (timeoutInPath is not null)
            seconds = double.TryParse(timeoutInPath, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s)
                ? s : throw new OverkizException(OverkizError.BadParameters("timeout must be a number of seconds"));
        if (request.ContentLength is > 0)
        {
            var malformed = OverkizError.BadParameters("expected {\"timeout\": seconds, \"mode\": \"low|normal|wide\"}");
            using var body = await RequestBody.ReadJsonAsync(request, malformed, MaxBodyBytes);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new OverkizException(malformed);
            if (root.TryGetProperty("timeout", out var t))
                seconds = t.ValueKind == JsonValueKind.Number && t.TryGetDouble(out var value) ? value : throw new OverkizException(OverkizError.BadParameters("timeout must be a number of seconds"));
            if (root.TryGetProperty("mode", out var m))
                mode = m.ValueKind == JsonValueKind.String ? m.GetString()! : throw new OverkizException(malformed);
            if (inclusion && root.TryGetProperty("highestSecurityType", out var security)
                && (security.ValueKind != JsonValueKind.String || !SecurityTypes.Contains(security.GetString(), StringComparer.OrdinalIgnoreCase)))
                throw new OverkizException(OverkizError.BadParameters("highestSecurityType must be none, CRC16, S0 or S2"));
        }
        if (seconds < 1 || seconds > MaxTimeout.TotalSeconds)
            throw new OverkizException(OverkizError.BadParameters($"timeout must be between 1 and {(int)MaxTimeout.TotalSeconds} seconds"));
        return mode switch
        {
            "low" => new ModeRequest(TimeSpan.FromSeconds(seconds), false, false),
            "normal" => new ModeRequest(TimeSpan.FromSeconds(seconds), true, false),
            "wide" => new ModeRequest(TimeSpan.FromSeconds(seconds), true, true),
            _ => throw new OverkizException(OverkizError.BadParameters("mode must be low, normal or wide")),
        };
    }

    /// <summary>A failed device named by its deviceURL, its node id, or its device OID.</summary>
    private static string Target(string targetDeviceId, DeviceRegistry devices)
    {
        if (targetDeviceId.Contains("://", StringComparison.Ordinal) || targetDeviceId.All(c => char.IsAsciiDigit(c) || c == '#')) return targetDeviceId;
        return devices.All().FirstOrDefault(d => d.Oid == targetDeviceId && d.DeviceUrl.StartsWith(ProtocolName + "://", StringComparison.Ordinal))?.DeviceUrl
               ?? throw new OverkizException(OverkizError.UnknownObject());
    }

    private static async Task<IResult> RunAsync(Func<Task> operation, string silent = "the Z-Wave controller did not answer")
    {
        try
        {
            await operation();
        }
        catch (ArgumentException)
        {
            throw new OverkizException(OverkizError.UnknownObject());
        }
        catch (InvalidOperationException ex)
        {
            throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{ex.Message}\""));
        }
        catch (TimeoutException)
        {
            // A wedged controller: the radio reopens and soft-resets it; the client may try again.
            throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"{silent}\""));
        }
        return Results.Json(new ExecIdResponse(Guid.NewGuid().ToString()), ApiJsonContext.Relaxed.ExecIdResponse);
    }

    private static IRadioControllerManagement Controller(string gatewayId, RadioDirectory radios, SetupIdentity identity)
    {
        if (gatewayId != identity.GatewayId) throw new OverkizException(OverkizError.UnknownObject());
        var radio = radios.Find(ProtocolName) ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"No Z-Wave radio on this gateway\""));
        return radio as IRadioControllerManagement
               ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "\"The Z-Wave radio of this gateway does not manage its controller\""));
    }
}
