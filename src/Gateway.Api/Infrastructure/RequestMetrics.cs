using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// Counts every request by route template, method and status, with its total duration. Keyed by template (not path)
/// so a client walking thousands of device URLs adds one series, not thousands.
/// </summary>
public sealed class RequestMetrics
{
    private readonly ConcurrentDictionary<(string Route, string Method, int Status), Tally> _tallies = new();

    public void Record(string route, string method, int status, TimeSpan elapsed)
    {
        var tally = _tallies.GetOrAdd((route, method, status), _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Add(ref tally.Ticks, elapsed.Ticks);
    }

    public IEnumerable<(string Route, string Method, int Status, long Count, TimeSpan Total)> Snapshot() =>
        _tallies.Select(t => (t.Key.Route, t.Key.Method, t.Key.Status, Interlocked.Read(ref t.Value.Count), TimeSpan.FromTicks(Interlocked.Read(ref t.Value.Ticks))));

    private sealed class Tally
    {
        public long Count;
        public long Ticks;
    }

    /// <summary>First in the pipeline, so refusals by later middleware (401, 400) are counted too.</summary>
    public sealed class Middleware(RequestDelegate next, RequestMetrics metrics)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                metrics.Record(route, context.Request.Method, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
