using System.Net;
using Gateway.Api;
using Gateway.Api.Infrastructure;
using Gateway.Core.Catalog;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Daemon.Security;
using Gateway.Daemon.Simulation;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;
using Gateway.Engine.Calendars;
using Gateway.Engine.Devices;
using Gateway.Engine.Events;
using Gateway.Engine.Executions;
using Gateway.Engine.Listeners;
using Gateway.Engine.Location;
using Gateway.Engine.Pod;
using Gateway.Engine.Radios;
using Gateway.Engine.Scheduling;
using Gateway.Radio.EnOcean;
using Gateway.Radio.Zigbee;
using Gateway.Radio.Simulated;
using Gateway.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Gateway.Daemon.Hosting;

/// <summary>Builds and runs the daemon: the only place that knows every part.</summary>
public static class GatewayHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(options.DataDirectory);

        var logger = Logging.Configure(builder.Configuration, options.DataDirectory);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        var startupLog = new Serilog.Extensions.Logging.SerilogLoggerFactory(logger).CreateLogger("gatewayd");

        try
        {
            var time = TimeProvider.System;
            var database = await SqliteDatabase.OpenAsync(options.DataDirectory, startupLog, CancellationToken.None);
            var settings = new SqliteSettingsStore(database);
            var identity = await SetupIdentityLoader.LoadOrCreateAsync(settings, time, CancellationToken.None);
            var certificate = CertificateProvider.LoadOrCreate(options.DataDirectory, identity.GatewayId, startupLog);

            ConfigureKestrel(builder, options.Api, certificate);
            RegisterServices(builder, options, database, settings, identity, time);

            var app = builder.Build();
            var api = app.MapGatewayApi();
            if (app.Services.GetService<SimulatedRadio>() is not null) app.MapSimulationEndpoints();
            if (builder.Configuration.GetValue<bool>("Gateway:Api:BenchmarkRoutes")) Benchmarks.StaticBenchmarkEndpoints.MapStaticBenchmarkEndpoints(app);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex)
        {
            startupLog.LogCritical(ex, "gatewayd failed");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
            logger.Dispose();
        }
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ApiOptions api, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ApiPaths.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            var address = IPAddress.Parse(api.BindAddress);
            if (api.HttpsPort > 0) kestrel.Listen(address, api.HttpsPort, listen => listen.UseHttps(certificate));
            if (api.HttpPort > 0) kestrel.Listen(address, api.HttpPort);
        });
    }

    private static void RegisterServices(WebApplicationBuilder builder, GatewayOptions options, SqliteDatabase database,
        ISettingsStore settings, SetupIdentity identity, TimeProvider time)
    {
        var services = builder.Services;
        var configuration = builder.Configuration.GetSection("Gateway");
        services.AddSingleton(time);
        services.AddSingleton(identity);
        services.AddSingleton(database);
        services.AddSingleton(settings);
        services.AddSingleton<SqliteDeviceStore>();
        services.AddSingleton<IDeviceStore>(sp => sp.GetRequiredService<SqliteDeviceStore>());
        services.AddSingleton<IExecutionStore, SqliteExecutionStore>();
        services.AddSingleton<ITokenStore, SqliteTokenStore>();
        services.AddSingleton<IActionGroupStore, SqliteActionGroupStore>();
        services.AddSingleton<ActionGroupService>();
        services.AddSingleton<ExecutionScheduler>();
        services.AddSingleton<LocationService>();
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<CalendarRunner>();
        services.AddSingleton<ConditionGroupService>();
        services.AddSingleton<TriggerSwitch>();
        services.AddSingleton<TriggerEngine>();
        services.AddSingleton<Gateway.Engine.Automation.CommandScheduling.CommandSchedulingTriggerService>();
        services.AddSingleton<TriggerCatalog>();
        services.AddSingleton<AutomationRuntime>();
        services.AddSingleton(DeviceCatalog.LoadEmbedded());
        services.AddSingleton<IEventBus, EventBus>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton(configuration.GetSection("Engine").Get<EngineOptions>() ?? new EngineOptions());
        services.AddSingleton<ExecutionEngine>();
        services.AddSingleton(configuration.GetSection("Listeners").Get<ListenerOptions>() ?? new ListenerOptions());
        services.AddSingleton<EventListenerRegistry>();
        services.AddSingleton<SystemdNotifier>();

        services.AddSingleton<IRadio>(new PodRadio(options.Label));
        var simulated = configuration.GetSection("Radios:Simulated").Get<SimulatedRadioOptions>() ?? new SimulatedRadioOptions();
        if (simulated.Enabled)
        {
            services.AddSingleton(new SimulatedRadio(simulated, time));
            services.AddSingleton<IRadio>(sp => sp.GetRequiredService<SimulatedRadio>());
        }
        var enOcean = configuration.GetSection("Radios:EnOcean").Get<EnOceanRadioOptions>() ?? new EnOceanRadioOptions();
        if (!string.IsNullOrWhiteSpace(enOcean.Port))
            services.AddSingleton<IRadio>(sp => new EnOceanRadio(enOcean, time, sp.GetRequiredService<ILogger<EnOceanRadio>>()));
        var zigbee = configuration.GetSection("Radios:Zigbee").Get<ZigbeeRadioOptions>() ?? new ZigbeeRadioOptions();
        if (!string.IsNullOrWhiteSpace(zigbee.Port))
            services.AddSingleton<IRadio>(sp => new ZigbeeRadio(zigbee, time, sp.GetRequiredService<ILogger<ZigbeeRadio>>()));
        services.AddSingleton(sp => new RadioDirectory(sp.GetServices<IRadio>()));
        services.AddSingleton<RadioHost>();
        services.AddGatewayApi();
        services.AddHostedService<GatewayLifecycle>();
        services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
    }
}
