using System.Net;

namespace Gateway.Integration.Tests;

/// <summary>Issue 13: a Prometheus scrape of the real daemon.</summary>
public class MetricsTests
{
    [Fact]
    public async Task A_scrape_from_loopback_shows_requests_executions_radios_and_the_process()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("setup/devices")).StatusCode);
        var apply = await client.PostAsync("exec/apply", new StringContent(
            $$"""{"label":"m","actions":[{"deviceURL":"{{await FirstShutterAsync(client)}}","commands":[{"name":"open"}]}]}""", System.Text.Encoding.UTF8, "application/json"));
        apply.EnsureSuccessStatusCode();
        using var anonymous = daemon.Client(null);

        var text = await WaitForAsync(anonymous, daemon.Port, t => t.Contains("gatewayd_executions_total{outcome=\"completed\"} 1\n", StringComparison.Ordinal));

        Assert.Contains("# TYPE gatewayd_http_requests_total counter", text);
        Assert.Contains("gatewayd_http_requests_total{route=\"/enduser-mobile-web/1/enduserAPI/setup/devices\",method=\"GET\",status=\"200\"} ", text);
        Assert.Contains("gatewayd_radio_up{protocol=\"sim\"} 1", text);
        Assert.Contains("gatewayd_radio_counter{protocol=\"sim\",counter=\"devices\"} 12", text);
        Assert.Contains("process_resident_memory_bytes ", text);
        Assert.Contains("gatewayd_database_bytes{file=\"db\"} ", text);
    }

    [Fact]
    public async Task Requests_refused_for_a_missing_token_are_counted_by_status()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var anonymous = daemon.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("setup/devices")).StatusCode);

        var text = await WaitForAsync(anonymous, daemon.Port, t => t.Contains("status=\"401\"", StringComparison.Ordinal));

        Assert.Contains("method=\"GET\",status=\"401\"} 1", text);
    }

    private static async Task<string> WaitForAsync(HttpClient client, int port, Func<string, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync(new Uri($"https://127.0.0.1:{port}/gatewayd/metrics"), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (condition(text)) return text;
            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task<string> FirstShutterAsync(HttpClient client)
    {
        using var devices = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("setup/devices"));
        return devices.RootElement.EnumerateArray()
            .First(d => d.GetProperty("controllableName").GetString() == "io:RollerShutterGenericIOComponent")
            .GetProperty("deviceURL").GetString()!;
    }
}
