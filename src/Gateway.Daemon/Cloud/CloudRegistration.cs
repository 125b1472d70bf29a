using Gateway.Cloud.Mqtt;
using Gateway.Cloud.Provisioning;
using Gateway.Cloud.Sync;
using Gateway.Core.Cloud;
using Gateway.Core.Persistence;
using Gateway.Daemon.Hosting;
using Gateway.Storage;
using Gateway.Storage.Cloud;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Cloud;

/// <summary>Turns cloud sync on when Gateway:Cloud:BrokerUri or Provisioning:Url is set; otherwise loads nothing native and registers nothing.</summary>
public static class CloudRegistration
{
    /// <summary>Checks the settings and libmosquitto, opens the outbox; must run before the gateway's lifecycle is registered.</summary>
    public static async Task AddCloudSyncAsync(IServiceCollection services, CloudOptions options, SqliteDatabase database, string dataDirectory, TimeProvider time)
    {
        if (!options.Enabled) return;
        if (!string.IsNullOrWhiteSpace(options.BrokerUri) && BrokerAddress.TryParse(options.BrokerUri, out var error) is null) throw new StartupException(error!);
        if (options.Provisioning.Enabled && CloudProvisioning.Validate(options.Provisioning) is { } invalid) throw new StartupException(invalid);
        try
        {
            MosquittoLibrary.EnsureLoadable();
        }
        catch (MosquittoUnavailableException ex)
        {
            throw new StartupException(ex.Message);
        }
        var limits = new OutboxLimits(options.Outbox.MaxMessages, options.Outbox.MaxBytes, TimeSpan.FromHours(options.Outbox.MaxAgeHours));
        // In the gateway's database: from here on every store transaction carries the uplink messages staged before it.
        var outbox = await SqliteCloudOutbox.OpenAsync(database, dataDirectory, limits, time, CancellationToken.None);
        services.AddSingleton(options);
        services.AddSingleton(outbox);
        services.AddSingleton<ICloudOutbox>(outbox);
        services.AddSingleton<CloudSetupRequests>();
        services.AddSingleton<ICloudCommandTarget, CloudCommandTarget>();
        services.AddSingleton<ICloudSnapshotSource, CloudSnapshotSource>();
        if (options.Provisioning.Enabled)
            services.AddSingleton<ICloudEndpointSource>(sp => new CloudProvisioning(options.Provisioning, sp.GetRequiredService<ISettingsStore>(),
                new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, time, sp.GetRequiredService<ILogger<CloudProvisioning>>()));
        // Setup services commit their changes together with the uplink messages that report them.
        var writer = new CloudOutboxWriter(outbox, time, database.Logger);
        services.AddSingleton(writer);
        services.AddSingleton<IUplinkReports>(writer);
        services.AddSingleton<CloudSyncService>();
        services.AddHostedService(sp => sp.GetRequiredService<CloudSyncService>());
    }
}
