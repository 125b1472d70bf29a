using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary>
/// <c>gatewayctl events</c> and <c>logs</c>: newline-delimited JSON, the recent past first, then, with
/// <c>?follow=true</c>, everything new until gatewayctl hangs up.
/// </summary>
public static class AdminStreams
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task EventsAsync(HttpContext context)
    {
        var tap = context.RequestServices.GetRequiredService<EventTap>();
        context.Response.ContentType = "application/x-ndjson";
        var body = context.Response.Body;
        var aborted = context.RequestAborted;
        if (!Follows(context))
        {
            foreach (var json in tap.Recent()) await WriteLineAsync(body, json, aborted);
            return;
        }
        using var follower = tap.Follow();
        await context.Response.StartAsync(aborted);
        while (await follower.Events.WaitToReadAsync(aborted))
        {
            while (follower.Events.TryRead(out var json)) await WriteLineAsync(body, json, aborted);
            await body.FlushAsync(aborted);
        }
    }

    public static async Task LogsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/x-ndjson";
        var body = context.Response.Body;
        var aborted = context.RequestAborted;
        if (!Follows(context))
        {
            foreach (var line in LogTail.Instance.Lines()) await WriteLineAsync(body, Serialize(line), aborted);
            return;
        }
        var (lines, stop) = LogTail.Instance.Follow();
        using var _ = stop;
        await context.Response.StartAsync(aborted);
        while (await lines.WaitToReadAsync(aborted))
        {
            while (lines.TryRead(out var line)) await WriteLineAsync(body, Serialize(line), aborted);
            await body.FlushAsync(aborted);
        }
    }

    public static void WriteLogLine(Utf8JsonWriter w, LogLine line)
    {
        w.WriteStartObject();
        w.WriteString("time", line.Time);
        w.WriteString("level", line.Level);
        w.WriteString("source", line.Source);
        w.WriteString("message", line.Message);
        w.WriteEndObject();
    }

    private static bool Follows(HttpContext context) =>
        string.Equals(context.Request.Query["follow"], "true", StringComparison.OrdinalIgnoreCase);

    private static byte[] Serialize(LogLine line)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer)) WriteLogLine(w, line);
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task WriteLineAsync(Stream body, byte[] json, CancellationToken cancellationToken)
    {
        await body.WriteAsync(json, cancellationToken);
        await body.WriteAsync(NewLine, cancellationToken);
    }
}
