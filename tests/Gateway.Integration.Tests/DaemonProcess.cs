using System.Diagnostics;
using System.Text;

namespace Gateway.Integration.Tests;

/// <summary>The real gatewayd, started as its own process on 127.0.0.1 with a random port and its own data directory.</summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private Process? _process;
    private readonly StringBuilder _output = new();

    private DaemonProcess(string dataDirectory, string[] extraArguments)
    {
        DataDirectory = dataDirectory;
        ExtraArguments = extraArguments;
    }

    public string DataDirectory { get; }
    public string[] ExtraArguments { get; }
    public int Port { get; private set; }
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not started");
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Set to e.g. "022" to start the daemon through /bin/sh with that umask, as a careless init would.</summary>
    public string? Umask { get; init; }

    /// <summary>Variables added to the daemon's environment.</summary>
    public Dictionary<string, string> Environment { get; init; } = [];

    /// <summary>The exit code once the process has ended.</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;
    public Uri BaseAddress => new($"https://127.0.0.1:{Port}/enduser-mobile-web/1/enduserAPI/");

    public static async Task<DaemonProcess> StartAsync(string? dataDirectory = null, params string[] extraArguments)
    {
        var daemon = new DaemonProcess(dataDirectory ?? NewDataDirectory(), extraArguments);
        await daemon.StartAsync();
        return daemon;
    }

    /// <summary>Starts the daemon from a shell that set <paramref name="umask"/> first.</summary>
    public static async Task<DaemonProcess> StartUnderUmaskAsync(string umask, string dataDirectory, params string[] extraArguments)
    {
        var daemon = new DaemonProcess(dataDirectory, extraArguments) { Umask = umask };
        await daemon.StartAsync();
        return daemon;
    }

    /// <summary>Starts the daemon with <paramref name="environment"/> added to its environment.</summary>
    public static async Task<DaemonProcess> StartWithEnvironmentAsync(Dictionary<string, string> environment, params string[] extraArguments)
    {
        var daemon = new DaemonProcess(NewDataDirectory(), extraArguments) { Environment = environment };
        await daemon.StartAsync();
        return daemon;
    }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("gatewayd-it-").FullName;

    public async Task StartAsync()
    {
        Port = GatewaydBinary.FreeLoopbackPort();
        string[] arguments =
        [
            $"--Gateway:DataDirectory={DataDirectory}", $"--Gateway:Api:HttpsPort={Port}", "--Gateway:Api:BindAddress=127.0.0.1",
            "--Gateway:Radios:Simulated:TravelSeconds=2", "--Gateway:Radios:Simulated:SensorIntervalSeconds=100000", .. ExtraArguments,
        ];
        _process = Launch(arguments);
        using var client = Client(null);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"gatewayd exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("apiVersion");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"gatewayd did not become ready:\n{Output}");
    }

    /// <summary>Runs a one-shot command of the daemon binary (e.g. token create) against this data directory.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunCommandAsync(string dataDirectory, params string[] arguments) =>
        RunToExitAsync([.. arguments, $"--Gateway:DataDirectory={dataDirectory}"]);

    /// <summary>Runs the binary with exactly these arguments and waits for it to end; one that keeps running is killed and fails.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
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
            throw new TimeoutException($"gatewayd {string.Join(' ', arguments)} kept running:\n{await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    public async Task<string> CreateTokenAsync(string label = "tests")
    {
        var (exit, stdout, stderr) = await RunCommandAsync(DataDirectory, "token", "create", "--label", label);
        if (exit != 0) throw new InvalidOperationException(stderr);
        return stdout.Trim();
    }

    /// <summary>An HTTPS client that trusts exactly the certificate this gateway generated, and nothing else.</summary>
    public HttpClient Client(string? token) => GatewaydBinary.PinnedClient(DataDirectory, BaseAddress, token);

    /// <summary>Graceful stop, as systemd does it (SIGTERM).</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Power cut: SIGKILL, nothing gets to run.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
        _process?.Dispose();
    }

    private Process Launch(string[] arguments)
    {
        var start = Umask is null ? StartInfo(arguments) : ShellStartInfo(Umask, arguments);
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo ShellStartInfo(string umask, IEnumerable<string> arguments)
    {
        // sh -c 'umask 022; exec "$@"' sh <daemon> ARGS: the daemon inherits the umask, nothing is quoted by hand.
        var daemon = GatewaydBinary.StartInfo(arguments);
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"umask {umask}; exec \"$@\"");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(daemon.FileName);
        foreach (var argument in daemon.ArgumentList) info.ArgumentList.Add(argument);
        return info;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments) => GatewaydBinary.StartInfo(arguments);
}
