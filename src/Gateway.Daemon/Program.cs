using Gateway.Daemon.Cli;
using Gateway.Daemon.Hosting;
using Gateway.Daemon.Security;
using Microsoft.Extensions.Configuration;

PrivateFiles.RestrictUmask();

if (args.Length > 0 && args[0] == "token")
{
    // Only the --Gateway:… switches are configuration; the rest belongs to the token command.
    var configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args.Where(a => a.StartsWith("--Gateway:", StringComparison.Ordinal)).ToArray())
        .Build();
    return await TokenCommand.RunAsync(args, configuration);
}

return await GatewayHost.RunAsync(args);
