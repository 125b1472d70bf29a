using Gateway.Daemon.Cli;
using Gateway.Daemon.Security;

PrivateFiles.RestrictUmask();

return await CommandLine.RunAsync(args);
