using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Issue 13: a technician's gatewayctl session against a real daemon, over its admin socket.</summary>
public class GatewayctlTests
{
    [Fact]
    public async Task Status_reports_the_gateway_its_radios_and_its_database()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        using var gateways = JsonDocument.Parse(await client.GetStringAsync("setup/gateways"));

        using var status = await JsonOf(daemon, "status");

        var root = status.RootElement;
        Assert.Equal(gateways.RootElement[0].GetProperty("gatewayId").GetString(), root.GetProperty("gatewayId").GetString());
        Assert.Equal(daemon.Port, root.GetProperty("api").GetProperty("httpsPort").GetInt32());
        Assert.Equal(64, root.GetProperty("api").GetProperty("certificateSha256").GetString()!.Length);
        Assert.Contains(root.GetProperty("radios").EnumerateArray(), r => r.GetProperty("protocol").GetString() == "sim" && r.GetProperty("running").GetBoolean());
        Assert.Equal(Path.Combine(daemon.DataDirectory, "gateway.db"), root.GetProperty("database").GetProperty("path").GetString());
        Assert.False(root.GetProperty("cloud").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Exec_waits_for_the_outcome_and_the_device_shows_the_new_state()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var devices = await JsonOf(daemon, "devices");
        var shutter = devices.RootElement.EnumerateArray()
            .First(d => d.GetProperty("controllableName").GetString() == "io:RollerShutterGenericIOComponent")
            .GetProperty("deviceURL").GetString()!;

        var (exit, stdout, stderr) = await Ctl(daemon, "exec", shutter, "setClosure", "40", "--json");

        Assert.True(exit == 0, stderr);
        using var outcome = JsonDocument.Parse(stdout);
        Assert.Equal("COMPLETED", outcome.RootElement.GetProperty("state").GetString());
        using var device = await JsonOf(daemon, "device", shutter);
        var closure = device.RootElement.GetProperty("states").EnumerateArray().First(s => s.GetProperty("name").GetString() == "core:ClosureState");
        Assert.Equal(40, closure.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Exec_of_an_unknown_command_is_refused_with_the_overkiz_message_and_exit_code_1()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var devices = await JsonOf(daemon, "devices");
        var url = devices.RootElement[1].GetProperty("deviceURL").GetString()!;

        var (exit, _, stderr) = await Ctl(daemon, "exec", url, "fly");

        Assert.Equal(1, exit);
        Assert.StartsWith("gatewayctl: ", stderr);
    }

    [Fact]
    public async Task A_token_revoked_with_gatewayctl_stops_working_at_once()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var (created, token, createErrors) = await Ctl(daemon, "token", "create", "installer-laptop");
        Assert.True(created == 0, createErrors);
        using var client = daemon.Client(token.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("setup/devices")).StatusCode);

        var (revoked, _, revokeErrors) = await Ctl(daemon, "token", "revoke", "installer-laptop");

        Assert.True(revoked == 0, revokeErrors);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("setup/devices")).StatusCode);
        using var tokens = await JsonOf(daemon, "token", "list");
        Assert.DoesNotContain(tokens.RootElement.EnumerateArray(), t => t.GetProperty("label").GetString() == "installer-laptop");
    }

    [Fact]
    public async Task Events_follow_prints_an_execution_started_through_the_api()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        using var follower = Process.Start(GatewayctlBinary.StartInfo(["--data-dir", daemon.DataDirectory, "events", "--follow", "--json"]))!;
        try
        {
            var lines = new List<string>();
            var reading = Task.Run(async () =>
            {
                while (await follower.StandardOutput.ReadLineAsync() is { } line) lock (lines) lines.Add(line);
            });
            await WaitUntil(() => { lock (lines) return lines.Any(l => l.Contains("GatewaySynchronizationStartedEvent")); }, follower);

            var execId = await ApplyAsync(client, "sim", "open");

            await WaitUntil(() => { lock (lines) return lines.Any(l => l.Contains("ExecutionStateChangedEvent") && l.Contains(execId) && l.Contains("COMPLETED")); }, follower);
        }
        finally
        {
            follower.Kill();
            await follower.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Radio_diag_db_check_and_logs_answer()
    {
        await using var daemon = await DaemonProcess.StartAsync();

        using var diag = await JsonOf(daemon, "radio", "sim", "diag");
        Assert.True(diag.RootElement.GetProperty("counters").GetProperty("devices").GetInt32() > 0);
        using var check = await JsonOf(daemon, "db", "check");
        Assert.True(check.RootElement.GetProperty("ok").GetBoolean());
        var (logsExit, logs, _) = await Ctl(daemon, "logs");
        Assert.Equal(0, logsExit);
        Assert.Contains("Now listening on", logs);
        var (unknownExit, _, unknownErrors) = await Ctl(daemon, "radio", "zwave", "diag");
        Assert.Equal(1, unknownExit);
        Assert.Contains("no zwave radio", unknownErrors);
    }

    [Fact]
    public async Task The_admin_routes_are_not_served_on_the_network()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var client = daemon.Client(await daemon.CreateTokenAsync());

        var response = await client.GetAsync(new Uri($"https://127.0.0.1:{daemon.Port}/admin/v1/status"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_socket_outside_the_data_directory_is_for_the_daemons_user_and_group_only()
    {
        var folder = Directory.CreateTempSubdirectory("gatewayd-run-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var socket = Path.Combine(folder, "gatewayd.sock");
        try
        {
            await using var daemon = await DaemonProcess.StartAsync(null, $"--Gateway:Admin:Socket={socket}");

            Assert.Equal((UnixFileMode)0b110_110_000, File.GetUnixFileMode(socket));
            var (exit, _, stderr) = await GatewayctlBinary.RunAsync(["--socket", socket, "status"]);
            Assert.True(exit == 0, stderr);
            if (Environment.UserName == "root")
            {
                var (otherExit, _, otherErrors) = await GatewayctlBinary.RunAsync(["--socket", socket, "status"],
                    ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]);
                Assert.Equal(3, otherExit);
                Assert.Contains("permission denied", otherErrors);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_kill_the_next_daemon_replaces_the_stale_socket()
    {
        var data = DaemonProcess.NewDataDirectory();
        await using (var first = await DaemonProcess.StartAsync(data)) await first.KillAsync();
        Assert.True(File.Exists(Path.Combine(data, "gatewayd.sock")));
        var (deadExit, _, deadErrors) = await GatewayctlBinary.RunAsync(["--data-dir", data, "status"]);
        Assert.Equal(3, deadExit);
        Assert.Contains("gatewayd is not running", deadErrors);

        await using var second = await DaemonProcess.StartAsync(data);
        var (exit, _, stderr) = await GatewayctlBinary.RunAsync(["--data-dir", data, "status"]);
        Assert.True(exit == 0, stderr);
    }

    [Fact]
    public async Task Help_lists_every_command_and_a_wrong_command_is_a_usage_error()
    {
        var (exit, stdout, _) = await GatewayctlBinary.RunAsync(["--help"]);
        Assert.Equal(0, exit);
        foreach (var command in new[] { "status", "devices", "device", "events", "logs", "exec", "pair", "token", "radio", "db" })
            Assert.Contains($"  {command} ", stdout);
        var (wrong, _, _) = await GatewayctlBinary.RunAsync(["frobnicate"]);
        Assert.Equal(2, wrong);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Ctl(DaemonProcess daemon, params string[] arguments) =>
        GatewayctlBinary.RunAsync(["--data-dir", daemon.DataDirectory, .. arguments]);

    private static async Task<JsonDocument> JsonOf(DaemonProcess daemon, params string[] arguments)
    {
        var (exit, stdout, stderr) = await Ctl(daemon, [.. arguments, "--json"]);
        Assert.True(exit == 0, $"gatewayctl {string.Join(' ', arguments)}: {stderr}");
        return JsonDocument.Parse(stdout);
    }

    private static async Task<string> ApplyAsync(HttpClient client, string protocol, string command)
    {
        using var devices = JsonDocument.Parse(await client.GetStringAsync("setup/devices"));
        var url = devices.RootElement.EnumerateArray()
            .Select(d => d.GetProperty("deviceURL").GetString()!)
            .First(u => u.StartsWith(protocol + "://", StringComparison.Ordinal) && u.EndsWith("1100001", StringComparison.Ordinal));
        var body = $$"""{"label":"t","actions":[{"deviceURL":"{{url}}","commands":[{"name":"{{command}}"}]}]}""";
        var response = await client.PostAsync("exec/apply", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("execId").GetString()!;
    }

    private static async Task WaitUntil(Func<bool> condition, Process follower)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (follower.HasExited) Assert.Fail("gatewayctl events --follow ended: " + await follower.StandardError.ReadToEndAsync());
            await Task.Delay(50, timeout.Token);
        }
    }
}
