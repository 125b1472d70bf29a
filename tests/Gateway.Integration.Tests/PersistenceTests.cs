using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Restarts, graceful and not: nothing acknowledged is lost.</summary>
public class PersistenceTests
{
    [Fact]
    public async Task A_restart_brings_back_devices_states_tokens_and_history()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, gatewayId, execId;
            JsonElement devicesBefore;
            await using (var first = await DaemonProcess.StartAsync(data))
            {
                token = await first.CreateTokenAsync("restart");
                using var client = first.Client(token);
                gatewayId = await client.GatewayIdAsync();
                var (_, registered) = await client.PostJsonAsync("events/register");
                execId = await client.ApplyAsync($"sim://{gatewayId}/1100006", "setIntensity", 42);
                await client.FetchUntilAsync(registered.GetProperty("id").GetString()!, all => all.Any(e => e.IsExecutionEnd(execId)));
                devicesBefore = (await client.GetJsonAsync("setup/devices")).Body;
                await first.StopAsync();
            }

            await using var second = await DaemonProcess.StartAsync(data);
            using var again = second.Client(token);
            Assert.Equal(gatewayId, await again.GatewayIdAsync());
            var devicesAfter = (await again.GetJsonAsync("setup/devices")).Body;
            Assert.Equal(Oids(devicesBefore), Oids(devicesAfter));
            var (_, intensity) = await again.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape($"sim://{gatewayId}/1100006")}/states/core%3ALightIntensityState");
            Assert.Equal(42, intensity.GetProperty("value").GetInt32());
            var (_, history) = await again.GetJsonAsync("history/executions");
            Assert.Contains(history.EnumerateArray(), h => h.GetProperty("id").GetString() == execId && h.GetProperty("state").GetString() == "COMPLETED");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task An_execution_cut_by_kill_9_is_in_history_as_failed_after_restart()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, execId;
            await using (var first = await DaemonProcess.StartAsync(data, "--Gateway:Radios:Simulated:TravelSeconds=60"))
            {
                token = await first.CreateTokenAsync("kill");
                using var client = first.Client(token);
                var gatewayId = await client.GatewayIdAsync();
                execId = await client.ApplyAsync($"sim://{gatewayId}/1100001", "close");
                await first.KillAsync();
            }

            await using var second = await DaemonProcess.StartAsync(data);
            using var again = second.Client(token);
            var (_, history) = await again.GetJsonAsync("history/executions");
            var cut = history.EnumerateArray().Single(h => h.GetProperty("id").GetString() == execId);
            Assert.Equal("FAILED", cut.GetProperty("state").GetString());
            Assert.Equal("INTERRUPTED_BY_RESTART", cut.GetProperty("failureType").GetString());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_graceful_stop_fails_running_executions_and_records_them()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, execId;
            await using (var first = await DaemonProcess.StartAsync(data, "--Gateway:Radios:Simulated:TravelSeconds=60"))
            {
                token = await first.CreateTokenAsync("stop");
                using var client = first.Client(token);
                var gatewayId = await client.GatewayIdAsync();
                execId = await client.ApplyAsync($"sim://{gatewayId}/1100001", "close");
                await Task.Delay(500);
                await first.StopAsync();
                Assert.Contains("Stopped 1 running execution(s) for shutdown", first.Output);
            }

            await using var second = await DaemonProcess.StartAsync(data);
            using var again = second.Client(token);
            var (_, history) = await again.GetJsonAsync("history/executions");
            var stopped = history.EnumerateArray().Single(h => h.GetProperty("id").GetString() == execId);
            Assert.Equal("FAILED", stopped.GetProperty("state").GetString());
            Assert.Equal("CMDCANCELLED", stopped.GetProperty("failureType").GetString());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Tokens_are_created_listed_and_revoked_from_the_command_line()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            var (exit, token, _) = await DaemonProcess.RunCommandAsync(data, "token", "create", "--label", "kitchen-tablet");
            Assert.Equal(0, exit);
            Assert.Matches("^[0-9a-f]{40}$", token.Trim());
            await DaemonProcess.RunCommandAsync(data, "token", "create", "--label", "homebridge");

            var (_, list, _) = await DaemonProcess.RunCommandAsync(data, "token", "list");
            var lines = list.Trim().Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.DoesNotContain(token.Trim(), list);
            var kitchenId = lines.Single(l => l.EndsWith("kitchen-tablet")).Split('\t')[0];

            Assert.Equal(0, (await DaemonProcess.RunCommandAsync(data, "token", "revoke", kitchenId)).ExitCode);
            var (_, after, _) = await DaemonProcess.RunCommandAsync(data, "token", "list");
            Assert.DoesNotContain("kitchen-tablet", after);
            Assert.Equal(2, (await DaemonProcess.RunCommandAsync(data, "token", "create")).ExitCode);

            await using var daemon = await DaemonProcess.StartAsync(data);
            using var revoked = daemon.Client(token.Trim());
            Assert.Equal(401, (await revoked.GetJsonAsync("setup")).Status);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static List<string> Oids(JsonElement devices) =>
        devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString() + "=" + d.GetProperty("oid").GetString()).Order().ToList();
}
