using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Serilog to the console (journald picks it up) and to a daily rolling file in the data directory. The level comes
/// from <c>Gateway:LogLevel</c> (Verbose, Debug, Information, Warning, Error); sinks are fixed, which keeps start-up
/// free of the reflection a configurable sink list costs. The file sink can fail (full disk) without taking the daemon
/// down: see <see cref="FailSafeSink"/>.
/// </summary>
public static class Logging
{
    public static Logger Configure(IConfiguration configuration, string dataDirectory)
    {
        var level = Enum.TryParse<LogEventLevel>(configuration["Gateway:LogLevel"], ignoreCase: true, out var configured)
            ? configured
            : LogEventLevel.Information;
        return new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Sink(Admin.LogTail.Instance)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.Sink(new FailSafeSink(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .WriteTo.File(Path.Combine(dataDirectory, "logs", "gatewayd-.log"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 20 * 1024 * 1024, rollOnFileSizeLimit: true)
                .CreateLogger()))
            .CreateLogger();
    }
}
