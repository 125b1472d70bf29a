using System.Diagnostics;

namespace Gateway.TestSupport;

/// <summary>
/// An independent observer of a broker: mosquitto_sub with a fixed client id and a kept session, so it also receives
/// what was published while it was reconnecting after a broker restart. Each message is one line: topic, retain, payload.
/// </summary>
public sealed class MqttSubscription : IAsyncDisposable
{
    private readonly List<ReceivedMessage> _messages = [];
    private readonly Process _process;

    private MqttSubscription(Process process) => _process = process;

    public static async Task<MqttSubscription> StartAsync(MosquittoBroker broker, string pattern)
    {
        var clientId = $"test-sub-{Guid.NewGuid():N}"[..22];
        var info = new ProcessStartInfo("mosquitto_sub",
            ["-h", "127.0.0.1", "-p", broker.Port.ToString(), "-t", pattern, "-t", $"probe/{clientId}", "-q", "1", "-c", "-i", clientId,
                "-F", "%t\t%r\t%p"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto_sub did not start (Debian package mosquitto-clients)");
        var subscription = new MqttSubscription(process);
        process.OutputDataReceived += (_, e) => subscription.Add(e.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Subscribed once a probe on its private topic comes back.
        var probe = $"probe/{clientId}";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!subscription.SawProbe)
        {
            if (process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("mosquitto_sub did not subscribe");
            using var publish = Process.Start("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(), "-t", probe, "-m", "probe", "-q", "1"])!;
            await publish.WaitForExitAsync();
            for (var i = 0; i < 20 && !subscription.SawProbe; i++) await Task.Delay(25);
        }
        return subscription;
    }

    public IReadOnlyList<ReceivedMessage> Messages { get { lock (_messages) return [.. _messages]; } }

    /// <summary>Waits until <paramref name="done"/> holds for what arrived, or fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(Func<IReadOnlyList<ReceivedMessage>, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var messages = Messages;
            if (done(messages)) return messages;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"condition not met after {seconds} s; {messages.Count} messages received:\n" +
                    string.Join("\n", messages.TakeLast(20).Select(m => $"{m.Topic} {m.Payload}")));
            await Task.Delay(25);
        }
    }

    private volatile bool _sawProbe;

    private bool SawProbe { get => _sawProbe; set => _sawProbe = value; }

    private void Add(string? line)
    {
        if (line is null) return;
        var parts = line.Split('\t', 3);
        if (parts.Length < 3) return;
        if (parts[0].StartsWith("probe/", StringComparison.Ordinal))
        {
            SawProbe = true;
            return;
        }
        lock (_messages) _messages.Add(new ReceivedMessage(parts[0], parts[1] == "1", parts[2]));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
