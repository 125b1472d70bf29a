using System.CommandLine;
using System.Text.Json;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl exec URL COMMAND [ARGS...]</c>: waits for the outcome unless <c>--no-wait</c>.</summary>
public static class ExecCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("deviceURL") { Description = "the device" };
        var name = new Argument<string>("command") { Description = "the command, e.g. setClosure" };
        var parameters = new Argument<string[]>("args") { Description = "its parameters; JSON values (50, true, \"x\") or plain words", Arity = ArgumentArity.ZeroOrMore };
        var noWait = new Option<bool>("--no-wait") { Description = "answer with the execution id at once" };
        var command = new Command("exec", "run one command on one device, as /exec/apply does") { url, name, parameters, noWait };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            var body = Body(run.Parse.GetValue(url)!, run.Parse.GetValue(name)!, run.Parse.GetValue(parameters) ?? [], !run.Parse.GetValue(noWait));
            using var answer = await run.Daemon.PostAsync("exec", body, cancellationToken);
            var root = answer.RootElement;
            if (run.Printer.Json) run.Printer.Document(root);
            else run.Printer.Facts(null, root.EnumerateObject().Select(p => (p.Name, StatusCommand.Text(root, p.Name))).ToList());
            return StatusCommand.Text(root, "state") == "FAILED" ? ExitCodes.Unhealthy : ExitCodes.Success;
        }));
        return command;
    }

    public static string Body(string deviceUrl, string command, IReadOnlyList<string> parameters, bool wait)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("deviceURL", deviceUrl);
            w.WriteString("command", command);
            w.WriteStartArray("parameters");
            foreach (var parameter in parameters) WriteParameter(w, parameter);
            w.WriteEndArray();
            w.WriteBoolean("wait", wait);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A number, boolean or quoted string is taken as JSON; any other word as a string.</summary>
    private static void WriteParameter(Utf8JsonWriter w, string parameter)
    {
        try
        {
            using var value = JsonDocument.Parse(parameter);
            value.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStringValue(parameter);
        }
    }
}
