using System.CommandLine;
using Gateway.Cli.Daemon;
using Spectre.Console;

namespace Gateway.Cli.Commands;

/// <summary><c>gatewayctl backup FILE</c> and <c>gatewayctl restore FILE</c>.</summary>
public static class BackupCommands
{
    private static readonly TimeSpan RestartWait = TimeSpan.FromSeconds(30);

    public static Command CreateBackup()
    {
        var file = new Argument<string>("file") { Description = "where to write the archive (.tar.gz)" };
        var command = new Command("backup", "one archive of the live gateway: database (devices, states, tokens, scenes, calendars, triggers, radio network material), certificate, identity") { file };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            var path = Path.GetFullPath(run.Parse.GetValue(file)!);
            var partial = path + ".partial";
            await Output.TransferProgress.RunAsync("taking the backup", null, async progress =>
            {
                await using (var output = new CountingStream(File.Create(partial), progress)) await run.Daemon.DownloadAsync("backup", output, cancellationToken);
                File.Move(partial, path, overwrite: true);
            });
            var bytes = new FileInfo(path).Length;
            var material = ArchiveManifest.RadioMaterial(path);
            if (run.Printer.Json)
            {
                var radios = string.Join(',', material.Select(m => $"\"{System.Text.Json.JsonEncodedText.Encode(m.Protocol)}\":{m.Records}"));
                Console.Out.WriteLine($"{{\"file\":\"{System.Text.Json.JsonEncodedText.Encode(path)}\",\"bytes\":{bytes},\"radioMaterial\":{{{radios}}}}}");
            }
            else
            {
                Console.Out.WriteLine($"backup written to {path} ({bytes} bytes)");
                var radios = material.Count == 0 ? "none stored" : string.Join(", ", material.Select(m => $"{m.Protocol} ({m.Records} records)"));
                Console.Out.WriteLine($"radio network material: {radios}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<string>("file") { Description = "an archive made by gatewayctl backup" };
        var yes = new Option<bool>("--yes") { Description = "do not ask: replace this gateway's data with the archive's" };
        var noWait = new Option<bool>("--no-wait") { Description = "do not wait for gatewayd to come back" };
        var command = new Command("restore", "replace the running gateway's data with a backup; the daemon restarts to apply it") { file, yes, noWait };
        command.SetAction(Invocation.Action(async (run, cancellationToken) =>
        {
            var path = Path.GetFullPath(run.Parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                Output.Printer.Error($"no file {path}");
                return ExitCodes.Usage;
            }
            if (!run.Parse.GetValue(yes) && !Confirmed())
            {
                Output.Printer.Error("not restored (confirm by typing restore, or pass --yes)");
                return ExitCodes.Refused;
            }
            System.Text.Json.JsonDocument answer = null!;
            await Output.TransferProgress.RunAsync("uploading and checking the backup", new FileInfo(path).Length, async progress =>
            {
                await using var input = new CountingStream(File.OpenRead(path), progress);
                answer = await run.Daemon.UploadAsync("restore", input, cancellationToken);
            });
            using (answer)
            {
                var gatewayId = StatusCommand.Text(answer.RootElement, "gatewayId");
                var back = false;
                if (!run.Parse.GetValue(noWait)) await Busy("waiting for gatewayd to restart", async () => back = await WaitForRestartAsync(run.Daemon, cancellationToken));
                if (run.Printer.Json) run.Printer.Document(answer.RootElement);
                else if (back) Console.Out.WriteLine($"restored: gateway {gatewayId} is running again");
                else Console.Out.WriteLine($"staged: gatewayd stopped to apply the backup of {gatewayId}; start it again (under systemd it restarts by itself)");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static bool Confirmed()
    {
        if (Console.IsInputRedirected) return false;
        Console.Error.Write("This replaces every device, token, scene and the identity of the running gateway. Type restore to go on: ");
        return Console.ReadLine()?.Trim() == "restore";
    }

    /// <summary>The daemon goes away, then (under systemd) comes back with the restored data.</summary>
    private static async Task<bool> WaitForRestartAsync(AdminClient daemon, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RestartWait;
        var wentAway = false;
        while (DateTime.UtcNow < deadline)
        {
            var answers = await daemon.AnswersAsync(cancellationToken);
            if (!answers) wentAway = true;
            else if (wentAway) return true;
            await Task.Delay(250, cancellationToken);
        }
        return false;
    }

    private static Task Busy(string what, Func<Task> work) =>
        Output.Printer.Rich ? AnsiConsole.Status().StartAsync(what, _ => work()) : work();
}
