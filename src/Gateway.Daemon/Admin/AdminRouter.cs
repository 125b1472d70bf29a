using Gateway.Core.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.Daemon.Admin;

/// <summary>
/// The technician's API, served only on the admin socket: requests that arrive there never reach the REST API's
/// middleware (bearer tokens, Overkiz routes), and requests from the network never reach this router.
/// </summary>
public static class AdminRouter
{
    public const string Prefix = "/admin/v1/";

    public static void MapAdminSocket(this WebApplication app) =>
        app.MapWhen(IsAdminConnection, branch => branch.Run(HandleAsync));

    /// <summary>Every network listener is TCP; only a Unix socket connection has no IP address.</summary>
    public static bool IsAdminConnection(HttpContext context) =>
        context.Connection.LocalIpAddress is null && context.Connection.RemoteIpAddress is null;

    private static async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await AdminJson.WriteErrorAsync(context, 404, "UNSPECIFIED_ERROR", $"no admin route {path}");
            return;
        }
        var segments = path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var method = context.Request.Method;
        try
        {
            var handled = segments switch
            {
                ["status"] when method == "GET" => AdminStatus.WriteAsync(context),
                ["routes"] when method == "GET" => AdminRoutes.ListAsync(context),
                ["devices"] when method == "GET" => AdminDevices.ListAsync(context),
                ["devices", var url] when method == "GET" => AdminDevices.ShowAsync(context, url),
                ["events"] when method == "GET" => AdminStreams.EventsAsync(context),
                ["logs"] when method == "GET" => AdminStreams.LogsAsync(context),
                ["exec"] when method == "POST" => AdminExec.RunAsync(context),
                ["pairing", var protocol, var verb] when method == "POST" => AdminPairing.RunAsync(context, protocol, verb),
                ["tokens"] when method == "GET" => AdminTokens.ListAsync(context),
                ["tokens"] when method == "POST" => AdminTokens.CreateAsync(context),
                ["tokens", var which] when method == "DELETE" => AdminTokens.RevokeAsync(context, which),
                ["radios", var protocol, "diag"] when method == "GET" => AdminRadios.DiagnoseAsync(context, protocol),
                ["db", "check"] when method == "GET" => AdminDatabase.CheckAsync(context),
                ["backup"] when method == "POST" => AdminBackup.BackupAsync(context),
                ["restore"] when method == "POST" => AdminBackup.RestoreAsync(context),
                ["factory-reset"] when method == "POST" => AdminFactoryReset.RunAsync(context),
                _ => null,
            };
            if (handled is null) await AdminJson.WriteErrorAsync(context, 404, "UNSPECIFIED_ERROR", $"no admin route {method} {path}");
            else await handled;
        }
        catch (OverkizException ex) when (!context.Response.HasStarted)
        {
            await AdminJson.WriteErrorAsync(context, ex.Error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // gatewayctl went away (Ctrl-C on a follow): nothing to answer.
        }
    }
}
