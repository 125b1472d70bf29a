using Gateway.Daemon.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gateway.Daemon.Cli;

/// <summary>
/// What the command line asks for: help, the version, a token command, or the daemon. Only <c>--Gateway:…</c>
/// settings start the daemon; anything else is a usage error rather than a daemon started by mistake.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (settings, rest) = Split(args);
        if (rest.Contains("--version"))
        {
            Console.Out.WriteLine($"gatewayd {HelpText.Version}");
            return ExitCodes.Success;
        }
        if (rest.Count > 0 && rest[0] == "token")
        {
            if (rest.Any(IsHelp))
            {
                Console.Out.Write(HelpText.Token);
                return ExitCodes.Success;
            }
            return await TokenCommand.RunAsync([.. rest], BuildConfiguration(settings));
        }
        if (rest.Any(IsHelp))
        {
            Console.Out.Write(HelpText.Daemon);
            return ExitCodes.Success;
        }
        if (rest.Count > 0)
        {
            var what = rest[0].StartsWith('-') ? "option" : "command";
            Console.Error.WriteLine($"gatewayd: unknown {what} '{rest[0]}' (settings are --Gateway:KEY=VALUE; see gatewayd --help)");
            return ExitCodes.Configuration;
        }
        return await GatewayHost.RunAsync(settings);
    }

    /// <summary>The configuration the subcommands see: the daemon's sources, in the daemon's order.</summary>
    public static IConfiguration BuildConfiguration(string[] settings) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();

    /// <summary><c>--Gateway:KEY=VALUE</c> or <c>--Gateway:KEY VALUE</c> settings apart from everything else.</summary>
    public static (string[] Settings, List<string> Others) Split(string[] args)
    {
        var settings = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--Gateway:", StringComparison.OrdinalIgnoreCase))
            {
                rest.Add(args[i]);
                continue;
            }
            settings.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length) settings.Add(args[++i]);
        }
        return ([.. settings], rest);
    }

    private static bool IsHelp(string argument) => argument is "--help" or "-h" or "-?" or "help";
}
