using Gateway.Core.Model;
using Gateway.Daemon.Backup;
using Gateway.Daemon.Hosting;
using Gateway.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Daemon.Admin;

/// <summary>
/// <c>gatewayctl backup</c> streams an archive taken from the live daemon; <c>gatewayctl restore</c> uploads one,
/// which is checked, staged, and applied by a restart (systemd starts the daemon again; by hand, start it again).
/// </summary>
public static class AdminBackup
{
    public static async Task BackupAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var facts = services.GetRequiredService<AdminFacts>();
        context.Response.ContentType = "application/gzip";
        await BackupArchive.WriteAsync(context.Response.Body, services.GetRequiredService<SqliteDatabase>(), services.GetRequiredService<SetupIdentity>(),
            facts.DataDirectory, facts.Version, services.GetRequiredService<TimeProvider>(), context.RequestAborted);
    }

    public static async Task RestoreAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var facts = services.GetRequiredService<AdminFacts>();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var staged = PendingRestore.FolderOf(facts.DataDirectory);
        if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
        BackupManifest manifest;
        try
        {
            manifest = await BackupArchive.ExtractAsync(context.Request.Body, staged, context.RequestAborted);
        }
        catch (BackupRefusedException ex)
        {
            Directory.Delete(staged, recursive: true);
            await AdminJson.WriteErrorAsync(context, 400, "UNSPECIFIED_ERROR", ex.Message);
            return;
        }
        PendingRestore.MarkReady(facts.DataDirectory);
        services.GetRequiredService<RestartRequest>().Request();
        context.Response.OnCompleted(() =>
        {
            services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            return Task.CompletedTask;
        });
        await AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("gatewayId", manifest.GatewayId);
            w.WriteString("createdAt", manifest.CreatedAt);
            w.WriteNumber("schemaVersion", manifest.SchemaVersion);
            w.WriteStartObject("radioMaterial");
            foreach (var (protocol, records) in manifest.RadioMaterial) w.WriteNumber(protocol, records);
            w.WriteEndObject();
            w.WriteBoolean("restarting", true);
            w.WriteEndObject();
        });
    }
}
