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
/// /config/{gatewayId}/enocean/…: learn mode (with or without the profile of a device that cannot announce
/// itself) and the next free gateway sender address for an actuator.
/// </summary>
public static class EnOceanConfigEndpoints
{
    public static readonly TimeSpan LearnDuration = TimeSpan.FromMinutes(2);
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>Overkiz device references for devices that use generic profiles.</summary>
    private static readonly Dictionary<string, string> DeviceReferences = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RockerSwitchx1"] = "F6-02-01",
        ["RockerSwitchx2"] = "F6-02-01",
        ["RockerSwitchx4"] = "F6-03-01",
        ["RockerSwitchAutoManuUpDown"] = "F6-02-03",
        ["EltakoSmokeSensor"] = "F6-02-01",
        ["NodOnCardSwitch"] = "F6-04-01",
        ["EltakoContactSensor"] = "F6-04-01",
        ["AdvisenDHW"] = "D2-01-01",
    };

    public static void MapEnOceanConfigEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/config/{gatewayId}/enocean/learn/start", async (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing) =>
        {
            var radio = EnOcean(gatewayId, radios, identity);
            pairing.EnsurePairingAllowed(radio.Protocol);
            string? profile = null;
            if (context.Request.ContentLength is > 0)
            {
                using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("body must be JSON"));
                profile = ProfileFrom(body.RootElement);
            }
            await radio.StartPairingAsync(new PairingRequest(LearnDuration, profile), context.RequestAborted);
            return Results.Bytes(EmptyObject, "application/json");
        });

        api.MapPost("/config/{gatewayId}/enocean/learn/start/{deviceRef}", async (string gatewayId, string deviceRef, HttpContext context, RadioDirectory radios, SetupIdentity identity, IPairingPolicy pairing) =>
        {
            var radio = EnOcean(gatewayId, radios, identity);
            pairing.EnsurePairingAllowed(radio.Protocol);
            var profile = DeviceReferences.GetValueOrDefault(deviceRef)
                ?? (IsEep(deviceRef) ? deviceRef.ToUpperInvariant()
                : IsActuatorWithDimEncoding(deviceRef) ? deviceRef
                : throw new OverkizException(OverkizError.BadParameters($"unknown device reference {Shorten(deviceRef)}")));
            await radio.StartPairingAsync(new PairingRequest(LearnDuration, profile), context.RequestAborted);
            return Results.Bytes(EmptyObject, "application/json");
        });

        api.MapPost("/config/{gatewayId}/enocean/learn/stop", async (string gatewayId, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
        {
            await EnOcean(gatewayId, radios, identity).StopPairingAsync(context.RequestAborted);
            return Results.Bytes(EmptyObject, "application/json");
        });

        api.MapGet("/config/{gatewayId}/enocean/deviceAddress/{deviceType}", async (string gatewayId, string deviceType, HttpContext context, RadioDirectory radios, SetupIdentity identity) =>
        {
            if (EnOcean(gatewayId, radios, identity) is not IRadioAddressAllocator allocator) throw new OverkizException(OverkizError.UnknownObject());
            var address = await allocator.NextAddressAsync(deviceType, context.RequestAborted);
            return Results.Json(new DeviceAddressResponse(address), ApiJsonContext.Relaxed.DeviceAddressResponse);
        });
    }

    private static IRadio EnOcean(string gatewayId, RadioDirectory radios, SetupIdentity identity)
    {
        if (gatewayId != identity.GatewayId) throw new OverkizException(OverkizError.UnknownObject());
        return radios.Find("enocean") ?? throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", "No EnOcean radio on this gateway"));
    }

    /// <summary>The body form: <c>{"enoceanEquipmentProfile": 0xF60201, "subType": 0}</c> (the EEP as one number).</summary>
    private static string? ProfileFrom(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("enoceanEquipmentProfile", out var eep)) return null;
        if (eep.ValueKind != JsonValueKind.Number || !eep.TryGetInt32(out var value) || value is < 0x010000 or > 0xFFFFFF)
            throw new OverkizException(OverkizError.BadParameters("enoceanEquipmentProfile must be an EEP such as 16122369 (0xF60201)"));
        return $"{value >> 16:X2}-{(value >> 8) & 0xFF:X2}-{value & 0xFF:X2}";
    }

    private static bool IsEep(string text) =>
        text.Length == 8 && text[2] == '-' && text[5] == '-' && text.Where((c, i) => i is not (2 or 5)).All(char.IsAsciiHexDigit);

    /// <summary>
    /// <c>A5-38-08-AbsolutePercent</c> (Eltako, the default), <c>A5-38-08-Absolute255</c> (0..255 as the EEP
    /// specification says) or <c>A5-38-08-RelativePercent</c>: the gateway-taught actuator and how it wants its dim value.
    /// </summary>
    private static bool IsActuatorWithDimEncoding(string reference) =>
        reference.Length > 9 && reference[8] == '-' && reference[..8].Equals("A5-38-08", StringComparison.OrdinalIgnoreCase)
        && DimEncodingNames.Contains(reference[9..], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] DimEncodingNames = ["AbsolutePercent", "Absolute255", "RelativePercent"];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
