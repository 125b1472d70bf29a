using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Serilog to the console and, outside systemd, to a daily rolling file in the data directory. Under systemd (stdout
/// is the journal: <c>JOURNAL_STREAM</c> is set) lines carry journald's <c>&lt;N&gt;</c> priority prefix and no
/// timestamp, and no file is written: the journal keeps them, and the box's flash is not written twice. The level
/// comes from <c>Gateway:LogLevel</c> (Verbose, Debug, Information, Warning, Error); sinks are fixed, which keeps
/// start-up free of the reflection a configurable sink list costs. The file sink can fail (full disk) without taking
/// the daemon down: see <see cref="FailSafeSink"/>.
/// </summary>
public static class Logging
{
    public static bool UnderJournald => Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 };

    public static Logger Configure(IConfiguration configuration, string dataDirectory)
    {
        var level = Enum.TryParse<LogEventLevel>(configuration["Gateway:LogLevel"], ignoreCase: true, out var configured)
            ? configured
            : LogEventLevel.Information;
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Sink(Admin.LogTail.Instance);
        if (UnderJournald)
        {
            return logger
                .Enrich.With<SyslogPriorityEnricher>()
                .WriteTo.Console(outputTemplate: $"<{{{SyslogPriorityEnricher.PropertyName}}}>{{SourceContext}}: {{Message:lj}}{{NewLine}}{{Exception}}")
                .CreateLogger();
        }
        return logger
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.Sink(new FailSafeSink(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .WriteTo.File(Path.Combine(dataDirectory, "logs", "gatewayd-.log"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 20 * 1024 * 1024, rollOnFileSizeLimit: true)
                .CreateLogger()))
            .CreateLogger();
    }
}
