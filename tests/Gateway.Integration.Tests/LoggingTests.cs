using System.Text.RegularExpressions;

namespace Gateway.Integration.Tests;

/// <summary>
/// The daemon's log lines, console and file, carry their properties rendered into the message. Run against the
/// NativeAOT binary (GATEWAYD_BINARY) this proves Serilog's capturing and rendering work after trimming.
/// </summary>
public class LoggingTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_ready_line_names_the_gateway_and_the_start_up_time_on_the_console_and_in_the_log_file()
    {
        var ready = new Regex($@"\[\d\d:\d\d:\d\d INF\] Gateway\.Daemon\.Hosting\.GatewayLifecycle: gatewayd {Regex.Escape(gateway.GatewayId)} ready in \d+ ms");
        await WaitUntilAsync(() => ready.IsMatch(gateway.Daemon.Output), () => "console output:\n" + gateway.Daemon.Output);

        var fileLine = new Regex($@"\[INF\] gatewayd ""?{Regex.Escape(gateway.GatewayId)}""? ready in \d+ ms");
        await WaitUntilAsync(() => LogFileText().Split('\n').Any(fileLine.IsMatch), () => "log files:\n" + LogFileText());
    }

    private string LogFileText()
    {
        var logs = Path.Combine(gateway.Daemon.DataDirectory, "logs");
        if (!Directory.Exists(logs)) return "";
        // The daemon keeps the file open for writing.
        return string.Concat(Directory.GetFiles(logs, "gatewayd-*.log").Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, describe());
            await Task.Delay(50);
        }
    }
}
