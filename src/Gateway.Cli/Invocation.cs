using System.CommandLine;
using Gateway.Cli.Daemon;
using Gateway.Cli.Output;

namespace Gateway.Cli;

/// <summary>What a command's action works with, and the one place errors become messages and exit codes.</summary>
public sealed class Invocation(ParseResult parse, AdminClient daemon, Printer printer)
{
    public ParseResult Parse { get; } = parse;
    public AdminClient Daemon { get; } = daemon;
    public Printer Printer { get; } = printer;

    public static Func<ParseResult, CancellationToken, Task<int>> Action(Func<Invocation, CancellationToken, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            var socket = SocketLocator.Locate(parse.GetValue(GlobalOptions.Socket), parse.GetValue(GlobalOptions.DataDirectory));
            using var daemon = new AdminClient(socket);
            try
            {
                return await body(new Invocation(parse, daemon, new Printer(parse.GetValue(GlobalOptions.Json))), cancellationToken);
            }
            catch (DaemonUnreachableException ex)
            {
                Printer.Error(ex.Message);
                return ExitCodes.Unreachable;
            }
            catch (DaemonRefusedException ex)
            {
                Printer.Error(ex.Message);
                return ExitCodes.Refused;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Success;
            }
        };
}
