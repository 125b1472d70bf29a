using System.CommandLine;
using System.Text.Json;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl devices</c> and <c>gatewayctl device URL</c>.</summary>
public static class DeviceCommands
{
    public static Command CreateList()
    {
        var command = new Command("devices", "every device: URL, label, controllable, availability, last update");
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            using var devices = await run.Daemon.GetAsync("devices", cancellationToken);
            if (run.Printer.Json)
            {
                run.Printer.Document(devices.RootElement);
                return ExitCodes.Success;
            }
            run.Printer.Table(null, ["deviceURL", "label", "controllable", "available", "last update", "states"],
                devices.RootElement.EnumerateArray().Select(d => (IReadOnlyList<string>)[
                    StatusCommand.Text(d, "deviceURL"),
                    StatusCommand.Text(d, "label"),
                    StatusCommand.Text(d, "controllableName"),
                    d.GetProperty("available").GetBoolean() ? "yes" : "no",
                    Time(d.GetProperty("lastUpdateTime").GetInt64()),
                    d.GetProperty("states").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ]));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateShow()
    {
        var url = new Argument<string>("deviceURL") { Description = "the device, e.g. enocean://1234-5678-9012/0191D2E5" };
        var command = new Command("device", "one device: identity, availability, signal and every state") { url };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            using var device = await run.Daemon.GetAsync("devices/" + Daemon.AdminClient.Escape(run.Parse.GetValue(url)!), cancellationToken);
            var d = device.RootElement;
            if (run.Printer.Json)
            {
                run.Printer.Document(d);
                return ExitCodes.Success;
            }
            var states = d.GetProperty("states").EnumerateArray().ToList();
            var signal = states.FirstOrDefault(s => StatusCommand.Text(s, "name") == "core:RSSILevelState");
            run.Printer.Facts(StatusCommand.Text(d, "label"), [
                ("deviceURL", StatusCommand.Text(d, "deviceURL")),
                ("controllable", StatusCommand.Text(d, "controllableName")),
                ("available", d.GetProperty("available").GetBoolean() ? "yes" : "no"),
                ("last update", Time(d.GetProperty("lastUpdateTime").GetInt64())),
                ("signal", signal.ValueKind == JsonValueKind.Undefined ? "-" : StatusCommand.Text(signal, "value")),
            ]);
            run.Printer.Table("states", ["name", "value"],
                states.Select(s => (IReadOnlyList<string>)[StatusCommand.Text(s, "name"), StatusCommand.Text(s, "value")]));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string Time(long unixMilliseconds) =>
        unixMilliseconds <= 0 ? "-" : DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
