using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Gateway.Integration.Tests;

/// <summary>Under systemd (JOURNAL_STREAM set) the daemon logs for journald: priority prefixes, no timestamps, no file.</summary>
public class JournaldLoggingTests
{
    [Fact]
    public async Task Lines_carry_journald_priorities_and_no_log_file_is_written()
    {
        // A UDP port already taken without address reuse: the mDNS responder cannot share it and warns.
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;

        await using var daemon = await DaemonProcess.StartWithEnvironmentAsync(new() { ["JOURNAL_STREAM"] = "8:12345" }, $"--Gateway:Mdns:Port={port}");

        await WaitForLineAsync(daemon, @"^<6>Gateway\.Daemon\.Hosting\.GatewayLifecycle: gatewayd \S+ ready in \d+ ms");
        await WaitForLineAsync(daemon, @"^<4>Gateway\.Daemon\.Discovery\.MdnsResponder: mDNS advertisement off");
        Assert.DoesNotMatch(new Regex(@"^\[\d\d:\d\d:\d\d ", RegexOptions.Multiline), daemon.Output);
        var logs = Path.Combine(daemon.DataDirectory, "logs");
        Assert.False(Directory.Exists(logs) && Directory.EnumerateFiles(logs).Any(), "a log file was written under journald");
    }

    private static async Task WaitForLineAsync(DaemonProcess daemon, string pattern)
    {
        var line = new Regex(pattern, RegexOptions.Multiline);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!line.IsMatch(daemon.Output))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no line like {pattern} in:\n{daemon.Output}");
            await Task.Delay(50);
        }
    }
}
