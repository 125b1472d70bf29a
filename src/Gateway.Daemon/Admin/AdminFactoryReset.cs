using Gateway.Core.Model;
using Gateway.Daemon.Reset;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary>
/// <c>gatewayctl factory-reset</c>: the body must confirm with the gateway id or the fixed word, so a stray request
/// cannot wipe a gateway. The answer comes before the daemon stops; it wipes its data at the start that follows.
/// </summary>
public static class AdminFactoryReset
{
    public const string ConfirmationWord = "factory-reset";

    public static async Task RunAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var gatewayId = services.GetRequiredService<SetupIdentity>().GatewayId;
        string? confirmation;
        using (var body = context.Request.ContentLength > 0 ? await AdminJson.ReadBodyAsync(context) : null)
            confirmation = body?.RootElement.TryGetProperty("confirm", out var c) == true && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null;
        if (confirmation != gatewayId && confirmation != ConfirmationWord)
        {
            await AdminJson.WriteErrorAsync(context, 400, "UNSPECIFIED_ERROR",
                $"not reset: confirm with this gateway's id ({gatewayId}) or the word {ConfirmationWord}");
            return;
        }
        var reset = services.GetRequiredService<FactoryResetService>();
        IReadOnlyList<RadioResetOutcome> radios;
        try
        {
            // Once confirmed the reset goes through even if gatewayctl goes away.
            radios = await reset.ResetAsync("gatewayctl", CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            await AdminJson.WriteErrorAsync(context, 409, "UNSPECIFIED_ERROR", ex.Message);
            return;
        }
        context.Response.OnCompleted(() =>
        {
            reset.Restart();
            return Task.CompletedTask;
        });
        await AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("gatewayId", gatewayId);
            w.WriteBoolean("restarting", true);
            w.WriteStartArray("radios");
            foreach (var radio in radios)
            {
                w.WriteStartObject();
                w.WriteString("protocol", radio.Protocol);
                w.WriteString("outcome", radio.Outcome);
                w.WriteBoolean("succeeded", radio.Succeeded);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
