using System.CommandLine;
using System.Text.Json;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl pair PROTOCOL start|stop [--seconds N] [--profile EEP]</c>.</summary>
public static class PairCommand
{
    public static Command Create()
    {
        var protocol = new Argument<string>("protocol") { Description = "the radio: enocean, zigbee, sim ..." };
        var verb = new Argument<string>("action") { Description = "start or stop" };
        verb.AcceptOnlyFromAmong("start", "stop");
        var seconds = new Option<int?>("--seconds") { Description = "how long the radio stays open (default 120)" };
        var profile = new Option<string?>("--profile") { Description = "what the device is, for devices that cannot tell (EnOcean EEP such as F6-02-01)" };
        var command = new Command("pair", "open or close a radio for new devices") { protocol, verb, seconds, profile };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            var body = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(body))
            {
                w.WriteStartObject();
                if (run.Parse.GetValue(seconds) is { } s) w.WriteNumber("seconds", s);
                if (run.Parse.GetValue(profile) is { } p) w.WriteString("profile", p);
                w.WriteEndObject();
            }
            var path = $"pairing/{Daemon.AdminClient.Escape(run.Parse.GetValue(protocol)!)}/{run.Parse.GetValue(verb)}";
            using var answer = await run.Daemon.PostAsync(path, System.Text.Encoding.UTF8.GetString(body.WrittenSpan), cancellationToken);
            var root = answer.RootElement;
            if (run.Printer.Json) run.Printer.Document(root);
            else run.Printer.Facts(null, [("radio", StatusCommand.Text(root, "protocol")), ("pairing", root.GetProperty("pairing").GetBoolean() ? "open" : "closed")]);
            return ExitCodes.Success;
        }));
        return command;
    }
}
