using System.CommandLine;
using Gateway.Cli.Commands;

namespace Gateway.Cli;

/// <summary>gatewayctl: the technician's view of a running gatewayd, over its admin socket.</summary>
public static class GatewayCtl
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("gatewayctl: diagnose and operate a running gatewayd through its admin socket");
        root.Options.Add(GlobalOptions.Socket);
        root.Options.Add(GlobalOptions.DataDirectory);
        root.Options.Add(GlobalOptions.Json);
        foreach (var command in new[]
                 {
                     StatusCommand.Create(), DeviceCommands.CreateList(), DeviceCommands.CreateShow(), StreamCommands.CreateEvents(),
                     StreamCommands.CreateLogs(), ExecCommand.Create(), PairCommand.Create(), TokenCommands.Create(),
                     RadioCommand.Create(), DatabaseCommand.Create(), BackupCommands.CreateBackup(), BackupCommands.CreateRestore(),
                     FactoryResetCommand.Create(),
                 })
            root.Subcommands.Add(command);
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0) return parse.InvokeAsync();
        foreach (var error in parse.Errors) Output.Printer.Error(error.Message);
        Console.Error.WriteLine("see gatewayctl --help");
        return Task.FromResult(ExitCodes.Usage);
    }
}
