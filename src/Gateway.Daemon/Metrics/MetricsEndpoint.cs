using System.Diagnostics;
using Gateway.Api.Infrastructure;
using Gateway.Cloud.Sync;
using Gateway.Daemon.Admin;
using Gateway.Engine.Devices;
using Gateway.Engine.Listeners;
using Gateway.Engine.Radios;
using Gateway.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Metrics;

/// <summary><c>GET /gatewayd/metrics</c>: what a technician's Prometheus scrapes, computed at scrape time.</summary>
public static class MetricsEndpoint
{
    public static void MapMetricsEndpoint(this WebApplication app) =>
        app.MapGet(ApiPaths.MetricsPath, async (HttpContext context, RequestMetrics requests, ExecutionMetrics executions, RadioDirectory radios,
            DeviceRegistry devices, EventListenerRegistry listeners, AdminFacts facts, TimeProvider time) =>
        {
            var text = new PrometheusText();
            WriteRequests(text, requests);
            WriteExecutions(text, executions);
            WriteRadios(text, radios);
            WriteHome(text, devices, listeners, facts);
            if (context.RequestServices.GetService<CloudSyncService>() is { } cloud) await CloudMetrics.WriteAsync(text, cloud, context.RequestAborted);
            WriteProcess(text, facts, time);
            return Results.Text(text.ToString(), PrometheusText.ContentType);
        });

    private static void WriteRequests(PrometheusText text, RequestMetrics requests)
    {
        var snapshot = requests.Snapshot().OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method).ThenBy(r => r.Status).ToList();
        text.Family("gatewayd_http_requests_total", "counter", "HTTP requests by route template, method and status.");
        foreach (var r in snapshot) text.Sample("gatewayd_http_requests_total", r.Count, ("route", r.Route), ("method", r.Method), ("status", r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        text.Family("gatewayd_http_request_duration_seconds_total", "counter", "Time spent answering, summed per route template and method.");
        foreach (var group in snapshot.GroupBy(r => (r.Route, r.Method)))
            text.Sample("gatewayd_http_request_duration_seconds_total", group.Sum(r => r.Total.TotalSeconds), ("route", group.Key.Route), ("method", group.Key.Method));
    }

    private static void WriteExecutions(PrometheusText text, ExecutionMetrics executions)
    {
        text.Family("gatewayd_executions_total", "counter", "Executions that ended, by outcome.")
            .Sample("gatewayd_executions_total", executions.Completed, ("outcome", "completed"))
            .Sample("gatewayd_executions_total", executions.Failed, ("outcome", "failed"));
        text.Family("gatewayd_execution_duration_seconds_total", "counter", "Registration to end, summed over ended executions.")
            .Sample("gatewayd_execution_duration_seconds_total", executions.TotalSeconds);
        text.Family("gatewayd_executions_running", "gauge", "Executions registered and not yet ended.")
            .Sample("gatewayd_executions_running", executions.Running);
    }

    private static void WriteRadios(PrometheusText text, RadioDirectory radios)
    {
        var diagnostics = radios.All.Select(r => r.GetDiagnostics()).OrderBy(d => d.Protocol, StringComparer.Ordinal).ToList();
        text.Family("gatewayd_radio_up", "gauge", "1 when the radio's link is up.");
        foreach (var d in diagnostics) text.Sample("gatewayd_radio_up", d.Running ? 1 : 0, ("protocol", d.Protocol));
        text.Family("gatewayd_radio_counter", "counter", "A radio's own counters: frames, errors, retries, reconnects ...");
        foreach (var d in diagnostics)
            foreach (var (name, value) in d.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
                text.Sample("gatewayd_radio_counter", value, ("protocol", d.Protocol), ("counter", name));
    }

    private static void WriteHome(PrometheusText text, DeviceRegistry devices, EventListenerRegistry listeners, AdminFacts facts)
    {
        var all = devices.All();
        text.Family("gatewayd_devices", "gauge", "Devices of the setup by availability.")
            .Sample("gatewayd_devices", all.Count(d => d.Available), ("available", "true"))
            .Sample("gatewayd_devices", all.Count(d => !d.Available), ("available", "false"));
        text.Family("gatewayd_event_listeners", "gauge", "Registered event listeners.").Sample("gatewayd_event_listeners", listeners.Count);
        var database = Path.Combine(facts.DataDirectory, SqliteDatabase.FileName);
        text.Family("gatewayd_database_bytes", "gauge", "Size of the SQLite database and of its write-ahead log.")
            .Sample("gatewayd_database_bytes", SizeOf(database), ("file", "db"))
            .Sample("gatewayd_database_bytes", SizeOf(database + "-wal"), ("file", "wal"));
    }

    private static void WriteProcess(PrometheusText text, AdminFacts facts, TimeProvider time)
    {
        using var process = Process.GetCurrentProcess();
        text.Family("gatewayd_uptime_seconds", "gauge", "Seconds since the daemon started.").Sample("gatewayd_uptime_seconds", (time.GetUtcNow() - facts.StartedAt).TotalSeconds);
        text.Family("process_resident_memory_bytes", "gauge", "Resident set size.").Sample("process_resident_memory_bytes", process.WorkingSet64);
        text.Family("process_cpu_seconds_total", "counter", "User and system CPU time.").Sample("process_cpu_seconds_total", process.TotalProcessorTime.TotalSeconds);
        text.Family("dotnet_gc_heap_bytes", "gauge", "Bytes in the managed heap.").Sample("dotnet_gc_heap_bytes", GC.GetTotalMemory(false));
        text.Family("dotnet_gc_collections_total", "counter", "Garbage collections by generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
            text.Sample("dotnet_gc_collections_total", GC.CollectionCount(generation), ("generation", generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
