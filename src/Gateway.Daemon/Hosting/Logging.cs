using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Daemon.Hosting;

/// <summary>Serilog to the console (journald picks it up) and to a daily rolling file in the data directory.</summary>
public static class Logging
{
    public static Logger Configure(IConfiguration configuration, string dataDirectory) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(dataDirectory, "logs", "gatewayd-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 20 * 1024 * 1024, rollOnFileSizeLimit: true)
            .CreateLogger();
}
