using System.Net;
using Gateway.Api;
using Gateway.Api.Infrastructure;
using Gateway.Core.Catalog;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Daemon.Admin;
using Gateway.Daemon.Cli;
using Gateway.Daemon.Discovery;
using Gateway.Daemon.Security;
using Gateway.Daemon.Simulation;
using Gateway.Daemon.Zigbee;
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
using Gateway.Radio.Io;
using Gateway.Radio.Rts;
using Gateway.Radio.Zigbee;
using Gateway.Radio.ZWave;
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
        // appsettings.json beside the binary, not in whatever folder the daemon was started from; relative paths in
        // the settings (the data directory) still resolve against the caller's working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var errors = GatewayOptionsValidator.Validate(builder.Configuration);
        if (errors.Count > 0)
        {
            foreach (var error in errors) Console.Error.WriteLine($"gatewayd: {error}");
            return ExitCodes.Configuration;
        }
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);

        DataDirectoryLock dataLock;
        try
        {
            DataDirectory.EnsureUsable(options.DataDirectory);
            PrivateFiles.PrepareDataDirectory(options.DataDirectory);
            dataLock = DataDirectoryLock.Acquire(options.DataDirectory);
        }
        catch (StartupException ex)
        {
            Console.Error.WriteLine($"gatewayd: {ex.Message}");
            return ex.ExitCode;
        }

        using var _ = dataLock;
        // Before the logger opens its file: a factory reset wipes the logs too.
        IReadOnlyList<string>? wiped;
        try
        {
            wiped = Reset.FactoryReset.ApplyIfRequested(options.DataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"gatewayd: the factory reset could not wipe {options.DataDirectory}: {ex.Message}");
            return ExitCodes.Failure;
        }
        var logger = Logging.Configure(builder.Configuration, options.DataDirectory);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        var startupLog = new Serilog.Extensions.Logging.SerilogLoggerFactory(logger).CreateLogger("gatewayd");

        try
        {
            var bindAddress = GatewayOptionsValidator.ParseBindAddress(options.Api.BindAddress)!;
            PortProbe.EnsureFree(bindAddress, options.Api.HttpsPort, "Gateway:Api:HttpsPort");
            PortProbe.EnsureFree(bindAddress, options.Api.HttpPort, "Gateway:Api:HttpPort");
            if (wiped is not null) startupLog.LogWarning("Factory reset applied: removed {Removed}; this gateway starts with a new identity", string.Join(", ", wiped));
            var time = TimeProvider.System;
            Backup.PendingRestore.ApplyIfStaged(options.DataDirectory, startupLog);
            var database = await OpenDatabaseAsync(options.DataDirectory, startupLog);
            Reset.FactoryReset.CompleteAfterOpen(options.DataDirectory, startupLog);
            var settings = new SqliteSettingsStore(database);
            var identity = await SetupIdentityLoader.LoadOrCreateAsync(settings, time, CancellationToken.None);
            var certificate = CertificateProvider.LoadOrCreate(options.DataDirectory, identity.GatewayId, startupLog);

            var adminSocket = new AdminSocket(AdminSocketPath.Resolve(builder.Configuration["Gateway:Admin:Socket"], options.DataDirectory), options.DataDirectory);
            adminSocket.PrepareForBind();
            ConfigureKestrel(builder, options.Api, bindAddress, certificate, adminSocket);
            var cloud = builder.Configuration.GetSection("Gateway:Cloud").Get<Gateway.Cloud.Sync.CloudOptions>() ?? new Gateway.Cloud.Sync.CloudOptions();
            // Before the lifecycle: hosted services start in registration order and stop in reverse.
            await Cloud.CloudRegistration.AddCloudSyncAsync(builder.Services, cloud, database, options.DataDirectory, time);
            RegisterServices(builder, options, database, settings, identity, time);
            builder.Services.AddHostedService(sp => new CertificateRenewal(sp.GetRequiredService<ApiTlsContext>(), options.DataDirectory,
                identity.GatewayId, time, sp.GetRequiredService<ILogger<CertificateRenewal>>()));
            builder.Services.AddMdnsAdvertisement(builder.Configuration.GetSection("Gateway"), identity, bindAddress, options.Api.HttpsPort, time);
            builder.Services.AddSingleton(new AdminFacts(HelpText.Version, time.GetUtcNow(), options.DataDirectory, adminSocket.Path,
                options.Api.HttpsPort, options.Api.HttpPort, cloud.BrokerUri));
            builder.Services.AddSingleton<EventTap>();
            builder.Services.AddSingleton<Metrics.ExecutionMetrics>();
            var restart = new RestartRequest();
            builder.Services.AddSingleton(restart);
            builder.Services.AddSingleton(sp => new Reset.FactoryResetService(sp.GetRequiredService<RadioDirectory>(), sp.GetRequiredService<IEventBus>(), restart,
                sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), time, sp.GetRequiredService<ILogger<Reset.FactoryResetService>>(), options.DataDirectory));

            var app = builder.Build();
            var bus = app.Services.GetRequiredService<IEventBus>();
            using var eventTap = bus.Subscribe(app.Services.GetRequiredService<EventTap>());
            using var executionMetrics = bus.Subscribe(app.Services.GetRequiredService<Metrics.ExecutionMetrics>());
            using var eventStreams = bus.Subscribe(app.Services.GetRequiredService<Gateway.Engine.Streams.EventStreamHub>());
            app.Lifetime.ApplicationStarted.Register(adminSocket.OpenToGroup);
            app.Lifetime.ApplicationStopped.Register(adminSocket.Remove);
            app.MapAdminSocket();
            var api = app.MapGatewayApi();
            Rts.RtsConfigEndpoints.MapRtsConfigEndpoints(api, app);
            Metrics.MetricsEndpoint.MapMetricsEndpoint(app);
            if (app.Services.GetService<SimulatedRadio>() is not null) app.MapSimulationEndpoints();
            Licensing.LicenceEndpoints.MapLicenceEndpoints(app);
            if (app.Services.GetService<ZigbeeRadio>() is not null) app.MapZigbeeBackupEndpoints();
            if (app.Services.GetService<ZWaveRadio>() is not null)
            {
                ZWave.ZWaveParameterEndpoints.MapZWaveParameterEndpoints(app);
                ZWave.ZWaveWakeUpIntervalEndpoints.MapZWaveWakeUpIntervalEndpoints(app);
            }
            if (builder.Configuration.GetValue<bool>("Gateway:Api:BenchmarkRoutes")) Benchmarks.StaticBenchmarkEndpoints.MapStaticBenchmarkEndpoints(app);
            await app.RunAsync();
            return restart.Requested ? ExitCodes.Restart : ExitCodes.Success;
        }
        catch (StartupException ex)
        {
            Console.Error.WriteLine($"gatewayd: {ex.Message}");
            return ex.ExitCode;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken between the probe and Kestrel's own bind.
            Console.Error.WriteLine($"gatewayd: port {options.Api.HttpsPort} or {options.Api.HttpPort} is already in use; stop what listens there or choose another port");
            return ExitCodes.Configuration;
        }
        catch (Exception ex)
        {
            startupLog.LogCritical(ex, "gatewayd failed");
            return ExitCodes.Failure;
        }
        finally
        {
            try
            {
                await Log.CloseAndFlushAsync();
                logger.Dispose();
            }
            catch (Exception ex)
            {
                // Closing flushes the log file; on a full disk that fails and must not change how the daemon ends.
                Console.Error.WriteLine($"gatewayd: closing the log failed: {ex.Message}");
            }
        }
    }

    private static async Task<SqliteDatabase> OpenDatabaseAsync(string dataDirectory, Microsoft.Extensions.Logging.ILogger log)
    {
        try
        {
            return await SqliteDatabase.OpenAsync(dataDirectory, log, CancellationToken.None);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            throw new StartupException($"cannot open the database {Path.Combine(dataDirectory, SqliteDatabase.FileName)}: {ex.Message} Check that it is a readable and writable SQLite file.");
        }
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ApiOptions api, IPAddress address,
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, AdminSocket adminSocket)
    {
        builder.WebHost.UseKestrelHttpsConfiguration();
        var tls = new ApiTlsContext(certificate);
        builder.Services.AddSingleton(tls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ApiPaths.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            if (api.HttpsPort > 0) kestrel.Listen(address, api.HttpsPort, listen => listen.UseHttps(tls.HandshakeOptions));
            if (api.HttpPort > 0) kestrel.Listen(address, api.HttpPort);
            adminSocket.Listen(kestrel);
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
        services.AddSingleton<SqliteExecutionStore>();
        services.AddSingleton<IExecutionStore>(sp => sp.GetRequiredService<SqliteExecutionStore>());
        services.AddSingleton(configuration.GetSection("History").Get<HistoryOptions>() ?? new HistoryOptions());
        services.AddSingleton<StorageMaintenance>();
        services.AddSingleton(configuration.GetSection("History").Get<Gateway.Storage.History.StateHistoryOptions>() ?? new Gateway.Storage.History.StateHistoryOptions());
        services.AddSingleton<Gateway.Storage.History.SqliteStateHistoryStore>();
        services.AddSingleton<Gateway.Core.History.IStateHistoryReader>(sp => sp.GetRequiredService<Gateway.Storage.History.SqliteStateHistoryStore>());
        services.AddSingleton<Gateway.Storage.History.StateHistoryRecorder>();
        services.AddSingleton<Gateway.Storage.History.StateHistoryService>();
        services.AddSingleton<IEventHistoryStore, SqliteEventHistoryStore>();
        services.AddSingleton(configuration.GetSection("History").Get<Gateway.Engine.History.EventHistoryOptions>() ?? new Gateway.Engine.History.EventHistoryOptions());
        services.AddSingleton<Gateway.Engine.History.DeviceEventRecorder>();
        services.AddSingleton<ITokenStore, SqliteTokenStore>();
        services.AddSingleton<IActionGroupStore, SqliteActionGroupStore>();
        services.AddSingleton<IRadioSettingsStore, SqliteRadioSettingsStore>();
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
        services.AddSingleton<DeviceRemoval>();
        services.AddSingleton<IPlaceStore, SqlitePlaceStore>();
        services.AddSingleton<Gateway.Engine.Places.PlaceService>();
        services.AddSingleton<Gateway.Engine.Setup.SetupMetadata>();
        services.AddSingleton<DeviceCascadeRemoval>();
        services.AddSingleton<DeviceStateRefresh>();
        services.AddSingleton<Gateway.Engine.Licensing.LicenceService>();
        services.AddSingleton<Gateway.Core.Licensing.IPairingPolicy>(sp => sp.GetRequiredService<Gateway.Engine.Licensing.LicenceService>());
        services.AddSingleton(configuration.GetSection("Engine").Get<EngineOptions>() ?? new EngineOptions());
        services.AddSingleton<ExecutionEngine>();
        services.AddSingleton(configuration.GetSection("Listeners").Get<ListenerOptions>() ?? new ListenerOptions());
        services.AddSingleton<EventListenerRegistry>();
        services.AddSingleton(configuration.GetSection("EventStream").Get<Gateway.Engine.Streams.EventStreamOptions>() ?? new Gateway.Engine.Streams.EventStreamOptions());
        services.AddSingleton<Gateway.Engine.Streams.EventStreamHub>();
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
        {
            services.AddSingleton(sp => new ZigbeeRadio(zigbee, time, sp.GetRequiredService<ILogger<ZigbeeRadio>>()));
            services.AddSingleton<IRadio>(sp => sp.GetRequiredService<ZigbeeRadio>());
        }
        var zwave = configuration.GetSection("Radios:ZWave").Get<ZWaveRadioOptions>() ?? new ZWaveRadioOptions();
        if (!string.IsNullOrWhiteSpace(zwave.Port))
        {
            services.AddSingleton(sp => new ZWaveRadio(zwave, time, sp.GetRequiredService<ILogger<ZWaveRadio>>()));
            services.AddSingleton<IRadio>(sp => sp.GetRequiredService<ZWaveRadio>());
        }
        var io = configuration.GetSection("Radios:Io").Get<IoRadioOptions>() ?? new IoRadioOptions();
        if (!string.IsNullOrWhiteSpace(io.Port))
        {
            services.AddSingleton(sp => new IoRadio(io, time, sp.GetRequiredService<ILogger<IoRadio>>()));
            services.AddSingleton<IRadio>(sp => sp.GetRequiredService<IoRadio>());
        }
        var rts = configuration.GetSection("Radios:Rts").Get<RtsRadioOptions>() ?? new RtsRadioOptions();
        if (!string.IsNullOrWhiteSpace(rts.Port))
        {
            services.AddSingleton(sp => new RtsRadio(rts, time, sp.GetRequiredService<ILogger<RtsRadio>>()));
            services.AddSingleton<IRadio>(sp => sp.GetRequiredService<RtsRadio>());
        }
        services.AddSingleton(sp => new RadioDirectory(sp.GetServices<IRadio>()));
        services.AddSingleton<RadioHost>();
        services.AddGatewayApi();
        services.AddHostedService(sp => sp.GetRequiredService<Gateway.Storage.History.StateHistoryService>());
        services.AddHostedService<GatewayLifecycle>();
        services.AddHostedService<EventHistoryRecording>();
        services.AddHostedService<MemoryTrimmer>();
        var gpio = configuration.GetSection("Gpio").Get<Gpio.GpioOptions>() ?? new Gpio.GpioOptions();
        services.AddHostedService(sp => new Gpio.GpioService(gpio, sp, sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), time,
            sp.GetRequiredService<ILogger<Gpio.GpioService>>()));
        services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
    }
}
