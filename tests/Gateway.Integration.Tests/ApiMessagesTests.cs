using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>The gateway's own answers where no box text applies: what they name, and how their JSON is written.</summary>
public class ApiMessagesTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("POST", "setup/gateways", "GET")]
    [InlineData("DELETE", "exec/apply", "POST")]
    public async Task A_wrong_method_on_an_existing_route_is_405_naming_the_allowed_methods(string method, string path, string allowed)
    {
        using var client = gateway.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(405, (int)response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("UNSPECIFIED_ERROR", body.GetProperty("errorCode").GetString());
        var message = body.GetProperty("error").GetString()!;
        Assert.Contains(method, message);
        Assert.Contains($"allowed: {allowed}", message);
    }

    [Fact]
    public async Task An_unknown_trigger_type_lists_the_valid_ones()
    {
        using var client = gateway.Client();
        var (status, body) = await client.GetJsonAsync("triggers/foo");
        Assert.Equal(400, status);
        var message = body.GetProperty("error").GetString()!;
        Assert.Contains("unknown trigger type foo", message);
        Assert.Contains("discreteTrigger", message);
        Assert.Contains("ifThenSetupTrigger", message);
    }

    [Fact]
    public async Task Json_strings_keep_a_plus_sign_as_is()
    {
        using var client = gateway.Client();
        using (var put = await client.PutAsync("setup/location", Json("""{"timezone":"Europe/Paris","latitude":48.8566,"longitude":2.3522}""")))
            Assert.Equal(200, (int)put.StatusCode);
        var (_, created) = await client.PostJsonAsync("actionGroups",
            $$$"""{"label":"Plus","actions":[{"deviceURL":"{{{gateway.Url("1100005")}}}","commands":[{"name":"on"}]}]}""");
        var group = created.GetProperty("actionGroupOID").GetString()!;
        var (_, day) = await client.PostJsonAsync("setup/calendar/days",
            $$$"""{"label":"Plus day","type":"WORK_DAY","dayTimeTriggers":[{"startActionGroupTimeTrigger":{"triggerType":"TIME","hours":8,"minutes":59,"actionGroupOID":"{{{group}}}"}}]}""");
        var (ruleStatus, _) = await client.PostJsonAsync("setup/calendar/rules",
            $$$"""{"weeklyCalendarRule":{"priority":1,"calendarDayOID":"{{{day.GetProperty("calendarDayOID").GetString()}}}","finalRule":false,"dayMask":127}}""");
        Assert.Equal(201, ruleStatus);

        var raw = await client.GetStringAsync("setup/calendar/schedule/2026/12/7");
        Assert.Contains("\"localTime\":\"2026-12-07T08:59:00+01:00\"", raw);
        Assert.DoesNotContain("\\u002B", raw);
    }

    /// <summary>
    /// Kestrel refuses some request lines (a NUL in the path) before any middleware runs and writes its own empty 400;
    /// ASP.NET Core offers no hook to give it a body (see the README's API limits). What is kept: a 4xx, no 5xx, and
    /// the daemon serves the next connection.
    /// </summary>
    [Fact]
    public async Task A_request_line_kestrel_refuses_is_a_400_and_the_daemon_keeps_serving()
    {
        var status = await RawStatusLineAsync("GET /enduser-mobile-web/1/enduserAPI/events/%00/fetch HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400", status);
        using var client = gateway.Client();
        Assert.Equal(200, (await client.GetJsonAsync("apiVersion")).Status);
    }

    private async Task<string> RawStatusLineAsync(string request)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", gateway.Daemon.Port);
        var expected = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            Path.Combine(gateway.Daemon.DataDirectory, "api-certificate.pfx"), null);
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate?.GetCertHashString() == expected.Thumbprint);
        await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [System.Net.Security.SslApplicationProtocol.Http11],
        });
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(tls, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
