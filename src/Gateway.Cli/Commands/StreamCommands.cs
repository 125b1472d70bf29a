using System.CommandLine;
using System.Text.Json;
using Gateway.Cli.Output;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl events [--follow]</c> and <c>gatewayctl logs [--follow]</c>.</summary>
public static class StreamCommands
{
    public static Command CreateEvents()
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "keep printing new events until Ctrl-C" };
        var count = new Option<int?>("--count") { Description = "stop after this many events" };
        var command = new Command("events", "the last events (as listeners fetch them), and with --follow the new ones") { follow, count };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            var limit = run.Parse.GetValue(count);
            var seen = 0;
            await foreach (var gatewayEvent in run.Daemon.StreamAsync(Path("events", run.Parse.GetValue(follow)), cancellationToken))
            {
                using (gatewayEvent)
                {
                    if (run.Printer.Json) Printer.Line(gatewayEvent.RootElement);
                    else Console.Out.WriteLine(Summary(gatewayEvent.RootElement));
                }
                if (++seen == limit) break;
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateLogs()
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "keep printing new log lines until Ctrl-C" };
        var command = new Command("logs", "the daemon's last log lines, and with --follow the new ones") { follow };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            await foreach (var line in run.Daemon.StreamAsync(Path("logs", run.Parse.GetValue(follow)), cancellationToken))
            {
                using (line)
                {
                    var l = line.RootElement;
                    if (run.Printer.Json) Printer.Line(l);
                    else Console.Out.WriteLine($"{l.GetProperty("time").GetDateTimeOffset().ToLocalTime():yyyy-MM-dd HH:mm:ss} {StatusCommand.Text(l, "level")} {StatusCommand.Text(l, "source")}: {StatusCommand.Text(l, "message")}");
                }
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Path(string stream, bool follow) => follow ? stream + "?follow=true" : stream;

    /// <summary>Time, event name, then its other fields on one line.</summary>
    public static string Summary(JsonElement gatewayEvent)
    {
        var time = gatewayEvent.TryGetProperty("timestamp", out var t) && t.TryGetInt64(out var ms) ? DeviceCommands.Time(ms) : "";
        var fields = gatewayEvent.EnumerateObject()
            .Where(p => p.Name is not ("name" or "timestamp" or "setupOID"))
            .Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}");
        return $"{time} {StatusCommand.Text(gatewayEvent, "name")} {string.Join(' ', fields)}";
    }
}
