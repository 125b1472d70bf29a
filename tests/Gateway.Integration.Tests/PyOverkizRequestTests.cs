using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>
/// Requests exactly as pyoverkiz (behind Home Assistant's Overkiz integration) writes them in local mode: its
/// endpoint ends in <c>enduserAPI/</c> and its cancel path starts with a slash, so the request line has a double slash.
/// Sent over a raw TLS socket so that no client library can tidy the path on the way.
/// </summary>
public class PyOverkizRequestTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Cancel_command_with_the_double_slash_pyoverkiz_sends_cancels_the_execution()
    {
        using var client = gateway.Client();
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var shutter = gateway.Url("1100002");
        var (_, closure) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(shutter)}/states/core%3AClosureState");
        var execId = await client.ApplyAsync(shutter, closure.GetProperty("value").GetInt32() >= 50 ? "open" : "close");
        await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "DeviceStateChangedEvent"
            && e.GetProperty("deviceURL").GetString() == shutter));

        var (status, body) = await RawRequestAsync("DELETE", $"/enduser-mobile-web/1/enduserAPI//exec/current/setup/{execId}");

        Assert.True(status == 200, body);
        var (_, history) = await WaitForHistoryAsync(client, execId);
        Assert.Equal("FAILED", history.GetProperty("state").GetString());
        Assert.Equal("CMDCANCELLED", history.GetProperty("failureType").GetString());
    }

    [Fact]
    public async Task Cancel_command_of_an_unknown_execution_still_gets_the_box_answer()
    {
        var (status, body) = await RawRequestAsync("DELETE", "/enduser-mobile-web/1/enduserAPI//exec/current/setup/00000000-0000-0000-0000-000000000000");

        Assert.Equal(400, status);
        Assert.Contains("No corresponding execId", body);
    }

    private async Task<(int Status, string Body)> RawRequestAsync(string method, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", gateway.Daemon.Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("127.0.0.1");
        var request = $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{gateway.Daemon.Port}\r\n" +
                      $"Authorization: Bearer {gateway.Token}\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(tls, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1]);
        var separator = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, separator < 0 ? "" : response[(separator + 4)..]);
    }

    private static async Task<(int, JsonElement)> WaitForHistoryAsync(HttpClient client, string execId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var (status, history) = await client.GetJsonAsync("history/executions");
            foreach (var entry in history.EnumerateArray())
                if (entry.GetProperty("id").GetString() == execId && entry.GetProperty("state").GetString() is "COMPLETED" or "FAILED")
                    return (status, entry);
            await Task.Delay(100);
        }
        throw new TimeoutException($"execution {execId} never reached the history");
    }
}
