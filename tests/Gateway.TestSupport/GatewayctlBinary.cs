using System.Diagnostics;

namespace Gateway.TestSupport;

/// <summary>Runs gatewayctl as a technician would: its own process, talking to the daemon over the admin socket.</summary>
public static class GatewayctlBinary
{
    /// <summary>Names a published gatewayctl to run instead of <c>dotnet gatewayctl.dll</c> from the build output.</summary>
    public const string BinaryVariable = "GATEWAYCTL_BINARY";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IEnumerable<string>? prefix = null)
    {
        var configured = Environment.GetEnvironmentVariable(BinaryVariable);
        var published = string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured);
        var command = new List<string>(prefix ?? []);
        if (published is null) command.AddRange(["dotnet", CliDll()]);
        else command.Add(published);
        command.AddRange(arguments);
        var info = new ProcessStartInfo(command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    /// <summary>Runs to the end (a minute at most) and returns what it printed.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, IEnumerable<string>? prefix = null)
    {
        using var process = Process.Start(StartInfo(arguments, prefix))!;
        process.StandardInput.Close(); // as from a script: nothing to answer a question with
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"gatewayctl {string.Join(' ', arguments)} kept running:\n{await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    public static string CliDll()
    {
        var daemon = GatewaydBinary.DaemonDll();
        var configurationFolder = Path.GetDirectoryName(daemon)!;
        var src = Path.GetFullPath(Path.Combine(configurationFolder, "..", "..", "..", ".."));
        var configuration = new DirectoryInfo(configurationFolder).Parent!.Name;
        var dll = Path.Combine(src, "Gateway.Cli", "bin", configuration, "net10.0", "gatewayctl.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build gatewayctl first", dll);
    }
}
