using System.CommandLine;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl radio PROTOCOL diag</c>.</summary>
public static class RadioCommand
{
    public static Command Create()
    {
        var protocol = new Argument<string>("protocol") { Description = "the radio: enocean, zigbee, sim ..." };
        var verb = new Argument<string>("action") { Description = "diag" };
        verb.AcceptOnlyFromAmong("diag");
        var command = new Command("radio", "a radio's port, state and counters (frames, errors, reconnects ...)") { protocol, verb };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            using var diag = await run.Daemon.GetAsync($"radios/{Daemon.AdminClient.Escape(run.Parse.GetValue(protocol)!)}/diag", cancellationToken);
            var root = diag.RootElement;
            if (run.Printer.Json)
            {
                run.Printer.Document(root);
                return ExitCodes.Success;
            }
            var facts = new List<(string, string)>
            {
                ("port", root.TryGetProperty("port", out var port) ? port.GetString()! : "-"),
                ("state", root.GetProperty("running").GetBoolean() ? "running" : "stopped"),
                ("pairing", root.GetProperty("pairing").GetBoolean() ? "open" : "closed"),
            };
            facts.AddRange(root.GetProperty("counters").EnumerateObject().Select(c => (c.Name, c.Value.GetRawText())));
            run.Printer.Facts(StatusCommand.Text(root, "protocol"), facts);
            return ExitCodes.Success;
        }));
        return command;
    }
}
