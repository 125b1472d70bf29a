using System.Security.Cryptography;
using System.Text;
using Gateway.Api.Contracts;
using Gateway.Core.Limits;
using Gateway.Core.Model;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;
using Gateway.Engine.Calendars;
using Gateway.Engine.Places;
using Gateway.Engine.Radios;
using Gateway.Engine.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /setup/features, /setup/options, /setup/quotas and PUT /setup/metadata, answered for what a local gateway is:
/// its features are its radios and its local API, it has no subscribed options, and its quotas are the room left
/// under its own storage limits.
/// </summary>
public static class SetupInfoEndpoints
{
    public static void MapSetupInfoEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/setup/features", (RadioDirectory radios) =>
        {
            IReadOnlyList<SetupFeatureView> features =
            [
                new("localApi", "gateway"),
                .. radios.All.Select(r => r.Protocol).Order(StringComparer.Ordinal).Select(p => new SetupFeatureView($"radio:{p}", "gateway")),
            ];
            return Results.Json(features, DeviceManagementJsonContext.Relaxed.IReadOnlyListSetupFeatureView);
        });
        api.MapGet("/setup/options", () =>
            Results.Json((IReadOnlyList<SetupOptionView>)[], DeviceManagementJsonContext.Relaxed.IReadOnlyListSetupOptionView));
        api.MapGet("/setup/quotas", (SetupIdentity identity, ActionGroupService groups, TriggerCatalog triggers, CalendarService calendars, PlaceService places) =>
            Results.Json(Quotas(identity, groups, triggers, calendars, places), DeviceManagementJsonContext.Relaxed.IReadOnlyListSetupQuotaView));
        api.MapGet("/setup/quotas/{quotaId}", (string quotaId, SetupIdentity identity, ActionGroupService groups, TriggerCatalog triggers, CalendarService calendars, PlaceService places) =>
            Results.Json(Quotas(identity, groups, triggers, calendars, places).FirstOrDefault(q => q.Oid == quotaId || q.DescriptorId == quotaId)
                         ?? throw new Gateway.Core.Errors.OverkizException(Gateway.Core.Errors.OverkizError.UnknownObject()),
                DeviceManagementJsonContext.Relaxed.SetupQuotaView));
        api.MapPut("/setup/metadata", async (HttpContext context, SetupMetadata metadata) =>
        {
            var value = await DeviceManagementEndpoints.ReadSetupMetadataAsync(context);
            if (value.Length > ApiLimits.MaxStringLength)
                throw new Gateway.Core.Errors.OverkizException(Gateway.Core.Errors.OverkizError.LimitExceeded("metadata", ApiLimits.MaxStringLength, "characters"));
            await metadata.SetAsync(value, context.RequestAborted);
            return Results.Ok();
        });
    }

    /// <summary>How many more of each kind of stored object the gateway accepts.</summary>
    private static IReadOnlyList<SetupQuotaView> Quotas(SetupIdentity identity, ActionGroupService groups, TriggerCatalog triggers, CalendarService calendars, PlaceService places)
    {
        (string Descriptor, long Remaining)[] quotas =
        [
            ("actionGroups", ActionGroupService.MaxGroups - groups.All().Count),
            ("triggers", TriggerEngine.MaxTriggers - triggers.All(null).Count),
            ("calendarDays", CalendarService.MaxDays - calendars.Days().Count),
            ("calendarRules", CalendarService.MaxRules - calendars.Rules().Count),
            ("places", PlaceTree.MaxPlaces - places.Count),
        ];
        return quotas.Select(q => new SetupQuotaView(identity.SetupOid, q.Descriptor, Math.Max(0, q.Remaining), StableOid(identity.SetupOid, q.Descriptor))).ToList();
    }

    /// <summary>The same UUID for the same quota of the same setup, every time (not a secret: a name-based identifier).</summary>
    private static string StableOid(string setupOid, string descriptor)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{setupOid}/quota/{descriptor}"), hash);
        return new Guid(hash[..16]).ToString();
    }
}
