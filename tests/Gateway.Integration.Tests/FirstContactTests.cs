using System.Net;
using System.Net.Sockets;

namespace Gateway.Integration.Tests;

/// <summary>The first things a user meets on the command line: help, version, usage and start-up errors, the data directory lock.</summary>
public class FirstContactTests
{
    [Fact]
    public async Task Help_lists_the_subcommands_and_main_settings_and_exits_0()
    {
        var (exit, stdout, _) = await DaemonProcess.RunToExitAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("token create --label NAME", stdout);
        Assert.Contains("--Gateway:DataDirectory=./data", stdout);
        Assert.Contains("--Gateway:Api:HttpsPort=8443", stdout);
    }

    [Fact]
    public async Task Token_help_describes_the_token_commands()
    {
        var (exit, stdout, _) = await DaemonProcess.RunToExitAsync("token", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("token revoke ID", stdout);
    }

    [Fact]
    public async Task Version_prints_one_line_and_exits_0()
    {
        var (exit, stdout, _) = await DaemonProcess.RunToExitAsync("--version");
        Assert.Equal(0, exit);
        Assert.StartsWith("gatewayd ", stdout);
        Assert.Single(Lines(stdout));
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("--urls=http://127.0.0.1:1")]
    [InlineData("--Gateway:Api:HttpsPort=0", "extra")]
    public async Task An_unknown_command_or_option_is_a_usage_error_not_a_daemon_start(params string[] arguments)
    {
        var (exit, _, stderr) = await DaemonProcess.RunToExitAsync(arguments);
        Assert.Equal(2, exit);
        Assert.Contains("--help", Assert.Single(Lines(stderr)));
    }

    [Theory]
    [InlineData("--Gateway:Api:HttpsPort=abc", "Gateway:Api:HttpsPort=abc")]
    [InlineData("--Gateway:LogLevel=Chatty", "Verbose, Debug, Information, Warning, Error")]
    [InlineData("--Gateway:Api:BindAddress=nowhere", "localhost")]
    [InlineData("--Gateway:Engine:MaxConcurrentExecutions=-1", "Gateway:Engine:MaxConcurrentExecutions")]
    [InlineData("--Gateway:Radios:Zigbee:Channel=30", "Gateway:Radios:Zigbee:Channel=30 is not valid: expected a Zigbee channel from 11 to 26")]
    [InlineData("--Gateway:Radios:Zigbee:Port=ttyACM0", "Gateway:Radios:Zigbee:Port=ttyACM0 is not valid")]
    [InlineData("--Gateway:Radios:Zigbee:ZclResponseTimeoutSeconds=0", "Gateway:Radios:Zigbee:ZclResponseTimeoutSeconds")]
    public async Task A_bad_setting_is_one_line_naming_it_and_exit_code_2(string setting, string expected)
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            var (exit, stdout, stderr) = await DaemonProcess.RunToExitAsync(setting, $"--Gateway:DataDirectory={data}");
            Assert.Equal(2, exit);
            Assert.Contains(expected, Assert.Single(Lines(stderr)));
            Assert.Empty(stdout);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_directory_under_a_file_is_one_line_naming_the_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, _, stderr) = await DaemonProcess.RunToExitAsync($"--Gateway:DataDirectory={file}/data", "--Gateway:Api:HttpsPort=0", "--Gateway:Api:HttpPort=1");
            Assert.Equal(2, exit);
            Assert.Contains($"{file} is a file", Assert.Single(Lines(stderr)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_naming_the_port()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            var (exit, _, stderr) = await DaemonProcess.RunToExitAsync($"--Gateway:DataDirectory={data}",
                "--Gateway:Api:BindAddress=127.0.0.1", $"--Gateway:Api:HttpsPort={port}");
            Assert.Equal(2, exit);
            Assert.Contains($"port {port}", Assert.Single(Lines(stderr)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_daemon_on_the_same_data_directory_is_refused_naming_the_first_ones_pid()
    {
        await using var first = await DaemonProcess.StartAsync();
        try
        {
            var (exit, _, stderr) = await DaemonProcess.RunToExitAsync($"--Gateway:DataDirectory={first.DataDirectory}",
                "--Gateway:Api:BindAddress=127.0.0.1", $"--Gateway:Api:HttpsPort={GatewaydBinary.FreeLoopbackPort()}");
            Assert.Equal(1, exit);
            Assert.Contains($"pid {first.ProcessId}", Assert.Single(Lines(stderr)));

            // The token commands still work beside the running daemon, and it accepts what they create.
            var token = await first.CreateTokenAsync("beside");
            using var client = first.Client(token);
            using var response = await client.GetAsync("setup/gateways");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var (listExit, listed, _) = await DaemonProcess.RunCommandAsync(first.DataDirectory, "token", "list");
            Assert.Equal(0, listExit);
            Assert.Contains("beside", listed);
        }
        finally
        {
            await first.StopAsync();
            Directory.Delete(first.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_lock_is_released_when_the_daemon_is_killed()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            await using (var first = await DaemonProcess.StartAsync(data)) await first.KillAsync();
            await using var second = await DaemonProcess.StartAsync(data);
            using var client = second.Client(null);
            using var response = await client.GetAsync("apiVersion");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("list")]
    [InlineData("revoke", "some-id")]
    public async Task Token_commands_other_than_create_refuse_a_data_directory_without_a_database(params string[] verb)
    {
        var missing = Path.Combine(Path.GetTempPath(), "gatewayd-missing-" + Guid.NewGuid().ToString("N"));
        var (exit, _, stderr) = await DaemonProcess.RunCommandAsync(missing, ["token", .. verb]);
        Assert.Equal(1, exit);
        Assert.Contains(missing, Assert.Single(Lines(stderr)));
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Token_create_before_the_first_start_makes_the_database_and_says_so()
    {
        var data = Path.Combine(Path.GetTempPath(), "gatewayd-new-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, stdout, stderr) = await DaemonProcess.RunCommandAsync(data, "token", "create", "--label", "first");
            Assert.Equal(0, exit);
            Assert.Single(Lines(stdout));
            Assert.Contains("created a new gateway database", stderr);
            Assert.True(File.Exists(Path.Combine(data, "gateway.db")));
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
