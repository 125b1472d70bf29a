using Gateway.Daemon.Cli;

return await CommandLine.RunAsync(args);
