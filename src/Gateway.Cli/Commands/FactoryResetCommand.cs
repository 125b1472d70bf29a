using System.CommandLine;
using System.Text.Json;
using Gateway.Cli.Daemon;

namespace Gateway.Cli.Commands;

/// <summary>
/// <c>gatewayctl factory-reset</c>: the technician types the gateway id shown on the box (or passes
/// <c>--yes-i-know</c> from a script); the daemon drops the radio networks, restarts and wipes its data.
/// </summary>
public static class FactoryResetCommand
{
    /// <summary>What the daemon accepts instead of the gateway id; scripts send it with --yes-i-know.</summary>
    public const string ConfirmationWord = "factory-reset";

    private static readonly TimeSpan RestartWait = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var yes = new Option<bool>("--yes-i-know") { Description = "do not ask: erase every device, token, automation, the radio networks and the identity" };
        var noWait = new Option<bool>("--no-wait") { Description = "do not wait for gatewayd to come back" };
        var command = new Command("factory-reset", "erase this gateway back to factory state (devices, tokens, automations, radio networks, certificate, identity); asks to type the gateway id") { yes, noWait };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            string oldId;
            using (var status = await run.Daemon.GetAsync("status", cancellationToken)) oldId = StatusCommand.Text(status.RootElement, "gatewayId");
            var confirmation = run.Parse.GetValue(yes) ? ConfirmationWord : Ask(oldId);
            if (confirmation is null || (confirmation != oldId && !run.Parse.GetValue(yes)))
            {
                Output.Printer.Error($"not reset (type the gateway id {oldId} to confirm, or pass --yes-i-know)");
                return ExitCodes.Refused;
            }
            var body = $"\"{JsonEncodedText.Encode(confirmation)}\"";
            using var answer = await run.Daemon.PostAsync("factory-reset", $"{{\"confirm\":{body}}}", cancellationToken);
            var newId = run.Parse.GetValue(noWait) ? null : await WaitForNewIdentityAsync(run.Daemon, oldId, cancellationToken);
            if (run.Printer.Json)
            {
                Console.Out.WriteLine(newId is null
                    ? answer.RootElement.GetRawText()
                    : $"{{\"gatewayId\":\"{JsonEncodedText.Encode(oldId)}\",\"newGatewayId\":\"{JsonEncodedText.Encode(newId)}\",\"radios\":{answer.RootElement.GetProperty("radios").GetRawText()}}}");
            }
            else
            {
                foreach (var radio in answer.RootElement.GetProperty("radios").EnumerateArray())
                    Console.Out.WriteLine($"{StatusCommand.Text(radio, "protocol")}: {StatusCommand.Text(radio, "outcome")}");
                Console.Out.WriteLine(newId is null
                    ? $"reset: gatewayd stopped to erase gateway {oldId}; start it again (under systemd it restarts by itself)"
                    : $"reset: gateway {oldId} is gone; gatewayd runs again as the new gateway {newId}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A script may pipe the gateway id in (it must know which box it erases); closed input confirms nothing.</summary>
    private static string? Ask(string gatewayId)
    {
        if (!Console.IsInputRedirected) Console.Error.Write($"This erases every device, token, scene, calendar, trigger, the radio networks, the certificate and the identity of gateway {gatewayId}. Type the gateway id to go on: ");
        return Console.ReadLine()?.Trim();
    }

    /// <summary>The daemon goes away and (under systemd) comes back with another gateway id.</summary>
    private static async Task<string?> WaitForNewIdentityAsync(AdminClient daemon, string oldId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RestartWait;
        while (DateTime.UtcNow < deadline)
        {
            if (await daemon.AnswersAsync(cancellationToken))
            {
                try
                {
                    using var status = await daemon.GetAsync("status", cancellationToken);
                    var id = StatusCommand.Text(status.RootElement, "gatewayId");
                    if (id != oldId) return id;
                }
                catch (DaemonUnreachableException)
                {
                    // Went away between the two calls.
                }
            }
            await Task.Delay(250, cancellationToken);
        }
        return null;
    }
}
