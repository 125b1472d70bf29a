using Serilog.Core;
using Serilog.Events;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Adds <c>SyslogPriority</c>, the number journald reads from a <c>&lt;N&gt;</c> line prefix on stdout to set a line's
/// priority (so <c>journalctl -p warning</c> works).
/// </summary>
public sealed class SyslogPriorityEnricher : ILogEventEnricher
{
    public const string PropertyName = "SyslogPriority";

    private static readonly LogEventProperty[] Priorities =
    [
        new(PropertyName, new ScalarValue(7)), // Verbose -> debug
        new(PropertyName, new ScalarValue(7)), // Debug
        new(PropertyName, new ScalarValue(6)), // Information -> info
        new(PropertyName, new ScalarValue(4)), // Warning -> warning
        new(PropertyName, new ScalarValue(3)), // Error -> err
        new(PropertyName, new ScalarValue(2)), // Fatal -> crit
    ];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
        logEvent.AddPropertyIfAbsent(Priorities[(int)logEvent.Level]);
}
