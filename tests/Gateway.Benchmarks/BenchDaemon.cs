using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gateway.TestSupport;

namespace Gateway.Benchmarks;

/// <summary>
/// gatewayd as its own process (<c>dotnet gatewayd.dll</c> of the benchmark's configuration, or the published binary
/// named by GATEWAYD_BINARY), configured through <c>Gateway__…</c> environment variables as DaemonProcess does with
/// switches: HTTPS on a random loopback port, a throw-away data directory, simulated radios without spontaneous sensor
/// reports. It can be stopped and started again on the same data directory and port.
/// </summary>
internal sealed class BenchDaemon : IAsyncDisposable
{
    private const string Api = "enduser-mobile-web/1/enduserAPI/";

    private readonly StringBuilder _output = new();
    private readonly string _label;
    private readonly string _data;
    private readonly int _port = GatewaydBinary.FreeLoopbackPort();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    private BenchDaemon(string label, IReadOnlyDictionary<string, string>? settings)
    {
        _label = label;
        _data = Directory.CreateTempSubdirectory($"gatewayd-{label}-").FullName;
        _settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// Starts a daemon on a new data directory and waits until it answers. <paramref name="settings"/> are extra
    /// environment variables, e.g. <c>Gateway__Radios__Simulated__HomeSize</c>; they win over the defaults.
    /// </summary>
    public static async Task<BenchDaemon> StartAsync(string label, IReadOnlyDictionary<string, string>? settings = null)
    {
        var daemon = new BenchDaemon(label, settings);
        try
        {
            daemon.ReadyAfter = await daemon.LaunchAsync();
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>Process start until the first 200 on <c>GET /apiVersion</c>, for the last start.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>The daemon's process id (<c>dotnet gatewayd.dll</c> runs the app in the host process itself).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("gatewayd is not running");

    public string DataDirectory => _data;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>A line of /proc/&lt;pid&gt;/status in kB, e.g. VmRSS or VmHWM.</summary>
    public long MemoryKilobytes(string field = "VmRSS")
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"no {field} in /proc/{ProcessId}/status");
    }

    public async Task<string> CreateTokenAsync()
    {
        var info = StartInfo("token", "create", "--label", _label);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? (await stdout).Trim() : throw new InvalidOperationException(await stderr);
    }

    /// <summary>An HTTPS client that trusts exactly the certificate this gateway generated.</summary>
    public HttpClient Client(string? token) => GatewaydBinary.PinnedClient(_data, new Uri($"https://127.0.0.1:{_port}/{Api}"), token);

    /// <summary>Stops the daemon (SIGTERM, as systemd does) and waits for it to exit; the data directory stays.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Stops the daemon, starts it again on the same data directory and port, and returns the time to ready.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        await StopAsync();
        lock (_output) _output.Clear();
        ReadyAfter = await LaunchAsync();
        return ReadyAfter;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Starts the process and polls <c>GET /apiVersion</c> every 20 ms until it answers 200.</summary>
    private async Task<TimeSpan> LaunchAsync()
    {
        var clock = Stopwatch.StartNew();
        var process = Process.Start(StartInfo())!;
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = Client(null);
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"gatewayd exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("apiVersion");
                if (response.IsSuccessStatusCode) return clock.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"gatewayd did not become ready:\n{Output}");
    }

    private ProcessStartInfo StartInfo(params string[] arguments)
    {
        var info = GatewaydBinary.StartInfo(arguments);
        info.Environment["Gateway__DataDirectory"] = _data;
        info.Environment["Gateway__Api__HttpsPort"] = _port.ToString(CultureInfo.InvariantCulture);
        info.Environment["Gateway__Api__BindAddress"] = "127.0.0.1";
        info.Environment["Gateway__Radios__Simulated__SensorIntervalSeconds"] = "100000";
        foreach (var (key, value) in _settings) info.Environment[key] = value;
        return info;
    }
}
