using System.Diagnostics;
using System.Text;

namespace Gateway.Readme.Tests;

/// <summary>
/// The README's tour, pasted as written into a shell beside a gateway started by the README's own run command, in a
/// directory laid out as a fresh clone. The commands come from README.md and docs/automation-api.md at test time, so
/// the documents cannot drift from the product. Only the port is changed (8443 may be taken on a developer's box).
/// </summary>
public sealed class ReadmeTourTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public async Task The_readme_tour_and_the_automation_examples_run_as_written()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Root, "README.md"));
        var automation = await File.ReadAllTextAsync(Path.Combine(Root, "docs", "automation-api.md"));
        var runCommand = RunCommand(readme);
        var tour = ShellBlocks.Of(readme, "A five-minute tour");
        var scenes = ShellBlocks.Of(readme, "Scenes, schedules, dawn and dusk (on the gateway alone)");
        var examples = ShellBlocks.Of(automation);
        Assert.NotEmpty(tour);
        Assert.NotEmpty(scenes);
        Assert.True(examples.Count >= 8, $"docs/automation-api.md has {examples.Count} shell blocks");
        Assert.Contains("docs/automation-api.md", readme);

        var clone = FreshCloneLayout();
        var port = GatewaydBinary.FreeLoopbackPort();
        using var daemon = StartShell(clone, $"exec {runCommand} -- --Gateway:Api:HttpsPort={port}");
        try
        {
            await WaitForApiAsync(daemon, port);
            var script = new StringBuilder()
                // As in the terminal the tour is pasted into: no pipefail, or `… | head -40` would count as a failure.
                .AppendLine("set -eu")
                .AppendLine("less() { cat; }   # the tour pages long answers; here there is no terminal to page on")
                .AppendLine(string.Join('\n', tour.Concat(scenes).Concat(examples)).Replace("8443", port.ToString()))
                .AppendLine("echo TOUR-DONE")
                .ToString();
            var (exit, output) = await RunShellAsync(clone, script, TimeSpan.FromMinutes(10));

            Assert.True(exit == 0, $"the tour stopped with exit {exit}:\n{output}\n--- daemon ---\n{Tail(daemon)}");
            AssertPrinted(output, "TOUR-DONE");
            Assert.False(output.Contains("\"errorCode\"", StringComparison.Ordinal), $"an error body was printed:\n{output}");
            AssertPrinted(output, "ExecutionRegisteredEvent");
            AssertPrinted(output, "COMPLETED");
            AssertPrinted(output, "CMDCANCELLED");
            AssertPrinted(output, "delayedCommandsSchedulingTrigger"); // GET /triggers lists what the examples made
            AssertPrinted(output, "calendarDays");                    // the calendar preview
            AssertPrinted(output, "ACTUATORNOANSWER");
            AssertPrinted(output, "gateway id (pin)");                  // gatewayctl status, over the admin socket
            AssertPrinted(output, "gatewayd local API");                // the OpenAPI document, /gatewayd/openapi.json
        }
        finally
        {
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync();
            Directory.Delete(clone, recursive: true);
        }
    }

    private static void AssertPrinted(string output, string expected) =>
        Assert.True(output.Contains(expected, StringComparison.Ordinal), $"the tour never printed {expected}:\n{output}");

    /// <summary>The README's run command, as its "two commands" block gives it.</summary>
    private static string RunCommand(string readme)
    {
        var line = ShellBlocks.Of(readme, "The two commands").SelectMany(b => b.Split('\n'))
            .Single(l => l.StartsWith("dotnet run --project src/Gateway.Daemon", StringComparison.Ordinal));
        var comment = line.IndexOf('#');
        return (comment < 0 ? line : line[..comment]).Trim();
    }

    /// <summary>
    /// A new directory laid out as a fresh clone: the sources, the build files and the documents, copied without any
    /// build output, so `dotnet run` restores and builds there on its own (sharing no obj folder with other builds).
    /// </summary>
    private static string FreshCloneLayout()
    {
        var clone = Directory.CreateTempSubdirectory("gatewayd-tour-").FullName;
        foreach (var name in new[] { "src", "docs" }) CopyTree(Path.Combine(Root, name), Path.Combine(clone, name));
        foreach (var name in new[] { "Directory.Build.props", "global.json", "README.md", "Gateway.sln" })
            if (File.Exists(Path.Combine(Root, name))) File.Copy(Path.Combine(Root, name), Path.Combine(clone, name));
        return clone;
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or "data" or "artifacts") continue;
            CopyTree(directory, Path.Combine(target, name));
        }
    }

    private static Process StartShell(string directory, string command)
    {
        var info = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Logs[process.Id] = log;
        return process;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, StringBuilder> Logs = new();

    private static string Tail(Process process)
    {
        if (!Logs.TryGetValue(process.Id, out var log)) return "";
        lock (log)
        {
            var text = log.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    private static async Task WaitForApiAsync(Process daemon, int port)
    {
        using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            Timeout = TimeSpan.FromSeconds(5),
        };
        // The first `dotnet run` builds the daemon: minutes on a small CI machine, more while the NativeAOT compiles run.
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            if (daemon.HasExited) throw new InvalidOperationException($"the daemon exited with {daemon.ExitCode}:\n{Tail(daemon)}");
            try
            {
                using var response = await client.GetAsync($"https://127.0.0.1:{port}/enduser-mobile-web/1/enduserAPI/apiVersion");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the daemon did not answer on port {port}:\n{Tail(daemon)}");
    }

    private static async Task<(int Exit, string Output)> RunShellAsync(string directory, string script, TimeSpan timeout)
    {
        var path = Path.Combine(directory, "tour.sh");
        await File.WriteAllTextAsync(path, script);
        using var shell = StartShell(directory, "bash tour.sh 2>&1");
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await shell.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            shell.Kill(entireProcessTree: true);
            return (-1, "timed out\n" + Tail(shell));
        }
        shell.WaitForExit();
        Logs.TryGetValue(shell.Id, out var log);
        lock (log!) return (shell.ExitCode, log.ToString());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gateway.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
