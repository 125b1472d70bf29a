using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Issue 13: gatewayctl factory-reset against the real daemon.</summary>
public class GatewayctlFactoryResetTests
{
    [Fact]
    public async Task A_factory_reset_brings_the_daemon_back_with_a_new_identity_and_no_tokens_or_states()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var token = await daemon.CreateTokenAsync("before-reset");
        var (oldId, oldCertificate) = await IdentityAsync(daemon);
        var shutter = await ShutterAsync(daemon);
        Assert.Equal(0, (await Ctl(daemon, null, "exec", shutter, "setClosure", "40")).ExitCode);
        Assert.Equal(40, await ClosureAsync(daemon, shutter));

        // gatewayctl waits for the daemon to come back; here the test plays systemd and starts it again.
        var reset = Ctl(daemon, null, "factory-reset", "--yes-i-know", "--json");
        await WaitForExitAsync(daemon);
        Assert.Equal(75, daemon.ExitCode);
        Assert.True(File.Exists(Path.Combine(daemon.DataDirectory, "factory-reset")));
        await daemon.StartAsync();
        var (exit, stdout, stderr) = await reset;

        Assert.True(exit == 0, stderr);
        var (newId, newCertificate) = await IdentityAsync(daemon);
        Assert.NotEqual(oldId, newId);
        Assert.NotEqual(oldCertificate, newCertificate);
        using (var answer = JsonDocument.Parse(stdout))
        {
            Assert.Equal(oldId, answer.RootElement.GetProperty("gatewayId").GetString());
            Assert.Equal(newId, answer.RootElement.GetProperty("newGatewayId").GetString());
        }
        using var client = daemon.Client(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("setup/devices")).StatusCode);
        var (_, tokens, _) = await Ctl(daemon, null, "token", "list", "--json");
        Assert.DoesNotContain("before-reset", tokens);
        Assert.NotEqual(40, await ClosureAsync(daemon, await ShutterAsync(daemon)));
        Assert.False(File.Exists(Path.Combine(daemon.DataDirectory, "factory-reset-leftover.db")));
    }

    [Fact]
    public async Task A_wrong_or_missing_confirmation_erases_nothing_and_exits_1()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var (gatewayId, _) = await IdentityAsync(daemon);

        var (noInputExit, _, noInputErrors) = await Ctl(daemon, null, "factory-reset");
        var (wrongExit, _, wrongErrors) = await Ctl(daemon, "0000-0000-0000\n", "factory-reset");

        Assert.Equal(1, noInputExit);
        Assert.Contains("--yes-i-know", noInputErrors);
        Assert.Equal(1, wrongExit);
        Assert.Contains(gatewayId, wrongErrors);
        Assert.Null(daemon.ExitCode);
        Assert.Equal(gatewayId, (await IdentityAsync(daemon)).GatewayId);
        Assert.False(File.Exists(Path.Combine(daemon.DataDirectory, "factory-reset")));
    }

    [Fact]
    public async Task Typing_the_gateway_id_confirms_the_reset()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var (gatewayId, _) = await IdentityAsync(daemon);

        var (exit, stdout, stderr) = await Ctl(daemon, gatewayId + "\n", "factory-reset", "--no-wait");

        Assert.True(exit == 0, stderr);
        Assert.Contains(gatewayId, stdout);
        await WaitForExitAsync(daemon);
        Assert.Equal(75, daemon.ExitCode);
        await daemon.StartAsync();
        Assert.NotEqual(gatewayId, (await IdentityAsync(daemon)).GatewayId);
    }

    /// <summary>gatewayctl with <paramref name="input"/> piped to it (null: input closed at once, as from a script).</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> Ctl(DaemonProcess daemon, string? input, params string[] arguments)
    {
        if (input is null) return await GatewayctlBinary.RunAsync(["--data-dir", daemon.DataDirectory, .. arguments]);
        using var process = Process.Start(GatewayctlBinary.StartInfo(["--data-dir", daemon.DataDirectory, .. arguments]))!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task<(string GatewayId, string Certificate)> IdentityAsync(DaemonProcess daemon)
    {
        var (exit, stdout, stderr) = await Ctl(daemon, null, "status", "--json");
        Assert.True(exit == 0, stderr);
        using var status = JsonDocument.Parse(stdout);
        return (status.RootElement.GetProperty("gatewayId").GetString()!,
            status.RootElement.GetProperty("api").GetProperty("certificateSha256").GetString()!);
    }

    private static async Task<string> ShutterAsync(DaemonProcess daemon)
    {
        var (_, stdout, _) = await Ctl(daemon, null, "devices", "--json");
        using var devices = JsonDocument.Parse(stdout);
        return devices.RootElement.EnumerateArray()
            .First(d => d.GetProperty("controllableName").GetString() == "io:RollerShutterGenericIOComponent")
            .GetProperty("deviceURL").GetString()!;
    }

    private static async Task<int> ClosureAsync(DaemonProcess daemon, string url)
    {
        var (exit, stdout, stderr) = await Ctl(daemon, null, "device", url, "--json");
        Assert.True(exit == 0, stderr);
        using var device = JsonDocument.Parse(stdout);
        return device.RootElement.GetProperty("states").EnumerateArray()
            .First(s => s.GetProperty("name").GetString() == "core:ClosureState").GetProperty("value").GetInt32();
    }

    private static async Task WaitForExitAsync(DaemonProcess daemon)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (daemon.ExitCode is null) await Task.Delay(50, timeout.Token);
    }
}
