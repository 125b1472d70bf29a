using System.CommandLine;
using System.Text.Json;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl status</c>.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "version, uptime, identity, API, radios, cloud, database, listeners, running executions, last problems");
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            using var status = await run.Daemon.GetAsync("status", cancellationToken);
            var root = status.RootElement;
            if (run.Printer.Json)
            {
                run.Printer.Document(root);
                return ExitCodes.Success;
            }
            var api = root.GetProperty("api");
            var database = root.GetProperty("database");
            var cloud = root.GetProperty("cloud");
            run.Printer.Facts("gatewayd", [
                ("version", Text(root, "version")),
                ("uptime", TimeSpan.FromSeconds(root.GetProperty("uptimeSeconds").GetInt64()).ToString("c")),
                ("gateway id (pin)", Text(root, "gatewayId")),
                ("data directory", Text(root, "dataDirectory")),
                ("HTTPS port", Text(api, "httpsPort")),
                ("certificate SHA-256", Text(api, "certificateSha256")),
                ("cloud", cloud.GetProperty("enabled").GetBoolean() ? Text(cloud, "broker") : "off"),
                ("database", $"{Bytes(database.GetProperty("bytes").GetInt64())} (+ WAL {Bytes(database.GetProperty("walBytes").GetInt64())})"),
                ("event listeners", Text(root, "listeners")),
            ]);
            run.Printer.Table("radios", ["protocol", "port", "state", "pairing", "counters"],
                root.GetProperty("radios").EnumerateArray().Select(radio => (IReadOnlyList<string>)[
                    Text(radio, "protocol"),
                    radio.TryGetProperty("port", out var port) ? port.GetString()! : "-",
                    radio.GetProperty("running").GetBoolean() ? "running" : "stopped",
                    radio.GetProperty("pairing").GetBoolean() ? "open" : "closed",
                    string.Join(", ", radio.GetProperty("counters").EnumerateObject().Select(c => $"{c.Name}={c.Value}")),
                ]));
            var executions = root.GetProperty("executions");
            if (executions.GetArrayLength() > 0)
                run.Printer.Table("running executions", ["id", "label", "owner", "state"],
                    executions.EnumerateArray().Select(e => (IReadOnlyList<string>)[Text(e, "id"), Text(e, "label"), Text(e, "owner"), Text(e, "state")]));
            var problems = root.GetProperty("recentProblems");
            if (problems.GetArrayLength() > 0)
                run.Printer.Table("last problems", ["time", "level", "source", "message"],
                    problems.EnumerateArray().Select(p => (IReadOnlyList<string>)[Text(p, "time"), Text(p, "level"), Text(p, "source"), Text(p, "message")]));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() : "";

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MiB",
    };
}
