using System.Globalization;
using System.Threading.Channels;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Daemon.Admin;

/// <summary>
/// The daemon's recent log lines, for <c>gatewayctl logs</c> and the "last problems" of <c>gatewayctl status</c>,
/// so a technician needs neither the journal nor read access to the data directory.
/// </summary>
public sealed class LogTail : ILogEventSink
{
    public const int KeptLines = 500;
    public const int KeptProblems = 20;

    /// <summary>One per process: Serilog is configured before the service container exists.</summary>
    public static LogTail Instance { get; } = new();

    /// <summary>Strings unquoted, as the console shows them.</summary>
    private static readonly Serilog.Formatting.Display.MessageTemplateTextFormatter Message = new("{Message:l}", CultureInfo.InvariantCulture);

    private readonly Queue<LogLine> _lines = new();
    private readonly Queue<LogLine> _problems = new();
    private readonly List<Channel<LogLine>> _followers = [];
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        var source = logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string name } ? name : "";
        var rendered = new StringWriter(CultureInfo.InvariantCulture);
        Message.Format(logEvent, rendered);
        var message = rendered.ToString();
        if (logEvent.Exception is { } ex) message += $" ({ex.GetType().Name}: {ex.Message})";
        var line = new LogLine(logEvent.Timestamp, LevelName(logEvent.Level), source, message);
        lock (_gate)
        {
            Keep(_lines, line, KeptLines);
            if (logEvent.Level >= LogEventLevel.Warning) Keep(_problems, line, KeptProblems);
            foreach (var follower in _followers) follower.Writer.TryWrite(line);
        }
    }

    public IReadOnlyList<LogLine> Lines()
    {
        lock (_gate) return [.. _lines];
    }

    public IReadOnlyList<LogLine> Problems()
    {
        lock (_gate) return [.. _problems];
    }

    /// <summary>The kept lines, then every new one until disposed; a slow reader loses the oldest.</summary>
    public (ChannelReader<LogLine> Lines, IDisposable Stop) Follow()
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(KeptLines * 2) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            foreach (var line in _lines) channel.Writer.TryWrite(line);
            _followers.Add(channel);
        }
        return (channel.Reader, new Unfollow(() =>
        {
            lock (_gate) _followers.Remove(channel);
        }));
    }

    private static void Keep(Queue<LogLine> queue, LogLine line, int capacity)
    {
        if (queue.Count == capacity) queue.Dequeue();
        queue.Enqueue(line);
    }

    private static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        _ => "FTL",
    };

    private sealed class Unfollow(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
