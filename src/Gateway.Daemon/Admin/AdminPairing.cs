using System.Text.Json;
using Gateway.Core.Licensing;
using Gateway.Core.Radio;
using Gateway.Engine.Radios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary><c>gatewayctl pair PROTOCOL start|stop [--seconds N] [--profile EEP]</c>.</summary>
public static class AdminPairing
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(HttpContext context, string protocol, string verb)
    {
        var radio = context.RequestServices.GetRequiredService<RadioDirectory>().Find(protocol);
        if (radio is null)
        {
            await AdminJson.WriteErrorAsync(context, 404, "UNSPECIFIED_ERROR", $"no {protocol} radio in this gateway");
            return;
        }
        switch (verb)
        {
            case "start":
                context.RequestServices.GetRequiredService<IPairingPolicy>().EnsurePairingAllowed(radio.Protocol);
                using (var body = context.Request.ContentLength > 0 ? await AdminJson.ReadBodyAsync(context) : null)
                {
                    var seconds = body?.RootElement.TryGetProperty("seconds", out var s) == true && s.TryGetInt32(out var n) && n is > 0 and <= 3600 ? n : (int)DefaultDuration.TotalSeconds;
                    var profile = body?.RootElement.TryGetProperty("profile", out var p) == true && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                    await radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(seconds), profile), context.RequestAborted);
                    await WriteStateAsync(context, radio);
                }
                return;
            case "stop":
                await radio.StopPairingAsync(context.RequestAborted);
                await WriteStateAsync(context, radio);
                return;
            default:
                await AdminJson.WriteErrorAsync(context, 400, "UNSPECIFIED_ERROR", $"pairing verb must be start or stop, not {verb}");
                return;
        }
    }

    private static Task WriteStateAsync(HttpContext context, IRadio radio) =>
        AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("protocol", radio.Protocol);
            w.WriteBoolean("pairing", radio.GetDiagnostics().PairingMode);
            w.WriteEndObject();
        });
}
