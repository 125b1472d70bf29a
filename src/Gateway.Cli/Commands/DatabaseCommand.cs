using System.CommandLine;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl db check</c>: exit code 4 when SQLite finds damage.</summary>
public static class DatabaseCommand
{
    public static Command Create()
    {
        var verb = new Argument<string>("action") { Description = "check" };
        verb.AcceptOnlyFromAmong("check");
        var command = new Command("db", "the gateway database: a full integrity check on the live file") { verb };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            using var check = await run.Daemon.GetAsync("db/check", cancellationToken);
            var root = check.RootElement;
            var healthy = root.GetProperty("ok").GetBoolean();
            if (run.Printer.Json) run.Printer.Document(root);
            else
            {
                var database = root.GetProperty("database");
                run.Printer.Facts("database", [
                    ("path", StatusCommand.Text(database, "path")),
                    ("integrity", healthy ? "ok" : "damaged"),
                    ("bytes", StatusCommand.Text(database, "bytes")),
                    ("WAL bytes", StatusCommand.Text(database, "walBytes")),
                ]);
                foreach (var problem in root.GetProperty("problems").EnumerateArray()) Console.Out.WriteLine(problem.GetString());
            }
            return healthy ? ExitCodes.Success : ExitCodes.Unhealthy;
        }));
        return command;
    }
}
