using System.Diagnostics;

namespace Gateway.TestSupport;

/// <summary>A pseudo-terminal pair made by socat: two linked paths that behave like the two ends of a serial cable.</summary>
public sealed class SocatPair : IAsyncDisposable
{
    private Process? _socat;

    private SocatPair(string directory)
    {
        Directory = directory;
        PathA = Path.Combine(directory, "ttyA");
        PathB = Path.Combine(directory, "ttyB");
    }

    public string Directory { get; }
    public string PathA { get; }
    public string PathB { get; }

    public static async Task<SocatPair> StartAsync()
    {
        var pair = new SocatPair(System.IO.Directory.CreateTempSubdirectory("gatewayd-pty-").FullName);
        await pair.PlugAsync();
        return pair;
    }

    /// <summary>(Re)creates the pair under the same names: a dongle plugged back in.</summary>
    public async Task PlugAsync()
    {
        var info = new ProcessStartInfo("socat", ["-d", "-d", $"pty,raw,echo=0,link={PathA}", $"pty,raw,echo=0,link={PathB}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _socat = Process.Start(info) ?? throw new InvalidOperationException("socat did not start");
        _socat.ErrorDataReceived += (_, _) => { };
        _socat.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(File.Exists(PathA) && File.Exists(PathB)))
        {
            if (DateTime.UtcNow > deadline || _socat.HasExited) throw new InvalidOperationException("socat made no pty pair (is socat installed?)");
            await Task.Delay(10);
        }
    }

    /// <summary>Kills socat: both ends hang up, like a USB dongle pulled out.</summary>
    public async Task UnplugAsync()
    {
        if (_socat is null || _socat.HasExited) return;
        // SIGTERM: socat closes both masters (the ports see a hang-up) and removes its links.
        using (var kill = Process.Start("kill", ["-TERM", _socat.Id.ToString()])) await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _socat.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _socat.Kill();
        }
        _socat.Dispose();
        _socat = null;
        File.Delete(PathA);
        File.Delete(PathB);
    }

    public async ValueTask DisposeAsync()
    {
        await UnplugAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
