using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.TestSupport;

/// <summary>
/// A real mosquitto broker on 127.0.0.1 and a random free port, with persistence in its own temp folder so that a
/// stop and start keeps retained messages and sessions, as a production broker restart would.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    private MosquittoBroker(string directory, int port)
    {
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }
    public int Port { get; }
    public string Uri => $"mqtt://127.0.0.1:{Port}";
    public bool IsRunning => _process is { HasExited: false };
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <param name="quiet">
    /// For tests of 100,000 messages: logs only warnings and errors and saves its persistence file only when it stops,
    /// since a broker that logs every publish, or rewrites a large queue of a lagging subscriber every second, spends
    /// its time on that.
    /// </param>
    public static async Task<MosquittoBroker> StartAsync(string extraConfiguration = "", bool quiet = false)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gatewayd-mqtt-").FullName;
        var broker = new MosquittoBroker(directory, FreePort());
        var configuration = new StringBuilder()
            .AppendLine($"listener {broker.Port} 127.0.0.1")
            .AppendLine("allow_anonymous true")
            .AppendLine("persistence true")
            .AppendLine($"persistence_location {directory}/")
            .AppendLine(quiet ? "autosave_interval 3600" : "autosave_interval 1")
            .AppendLine("max_queued_messages 0")
            .AppendLine(quiet ? "log_type error\nlog_type warning" : "log_type all");
        // Started as root, mosquitto drops to its own user and could not write its persistence file here.
        if (Environment.UserName == "root") configuration.AppendLine("user root");
        configuration.AppendLine(extraConfiguration);
        await File.WriteAllTextAsync(Path.Combine(directory, "mosquitto.conf"), configuration.ToString());
        await broker.RestartAsync();
        return broker;
    }

    /// <summary>Starts the broker (again) on the same port and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning) throw new InvalidOperationException("broker already running");
        var info = new ProcessStartInfo("mosquitto", ["-c", Path.Combine(Directory, "mosquitto.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start (is the Debian package mosquitto installed?)");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}:\n{Log}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Stops the broker gracefully (it saves its persistence file and disconnects every client).</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
