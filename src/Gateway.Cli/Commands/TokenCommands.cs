using System.CommandLine;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl token create LABEL | list | revoke ID-OR-LABEL</c>.</summary>
public static class TokenCommands
{
    public static Command Create()
    {
        var command = new Command("token", "API bearer tokens");

        var label = new Argument<string>("label") { Description = "who the token is for, e.g. home-assistant" };
        var create = new Command("create", "create a token and print it (the only time it is shown)") { label };
        create.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            var body = "{\"label\":\"" + System.Text.Json.JsonEncodedText.Encode(run.Parse.GetValue(label)!) + "\"}";
            using var token = await run.Daemon.PostAsync("tokens", body, cancellationToken);
            if (run.Printer.Json) run.Printer.Document(token.RootElement);
            else Console.Out.WriteLine(StatusCommand.Text(token.RootElement, "token"));
            return ExitCodes.Success;
        }));

        var list = new Command("list", "every token: id, creation time, label (never the secret)");
        list.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            using var tokens = await run.Daemon.GetAsync("tokens", cancellationToken);
            if (run.Printer.Json) run.Printer.Document(tokens.RootElement);
            else run.Printer.Table(null, ["id", "created", "label"], tokens.RootElement.EnumerateArray().Select(t => (IReadOnlyList<string>)[
                StatusCommand.Text(t, "id"), DeviceCommands.Time(t.GetProperty("creationTime").GetInt64()), StatusCommand.Text(t, "label")]));
            return ExitCodes.Success;
        }));

        var which = new Argument<string>("token") { Description = "the token's id, or its label when only one token has it" };
        var revoke = new Command("revoke", "revoke a token; it stops working at once") { which };
        revoke.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            using var revoked = await run.Daemon.DeleteAsync("tokens/" + Daemon.AdminClient.Escape(run.Parse.GetValue(which)!), cancellationToken);
            if (run.Printer.Json) run.Printer.Document(revoked.RootElement);
            else Console.Out.WriteLine($"revoked {StatusCommand.Text(revoked.RootElement, "id")} ({StatusCommand.Text(revoked.RootElement, "label")})");
            return ExitCodes.Success;
        }));

        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }
}
