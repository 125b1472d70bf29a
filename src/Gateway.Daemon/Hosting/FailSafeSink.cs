using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Wraps a sink that writes to the data partition: when that partition is full or failing, log lines are lost, the
/// daemon is not. Neither writing nor disposing (which flushes) ever throws.
/// </summary>
public sealed class FailSafeSink(Logger inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        try
        {
            inner.Write(logEvent);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Log sink failed: {0}", ex.Message);
        }
    }

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Log sink failed at close: {0}", ex.Message);
        }
    }
}
