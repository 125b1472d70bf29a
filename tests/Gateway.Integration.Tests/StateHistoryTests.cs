using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>
/// State history through the real daemon over HTTPS: readings injected into a simulated thermometer come back as raw
/// and daily history (plain, all states, stacked), and bad ranges, devices and states get the Overkiz error bodies.
/// </summary>
public class StateHistoryTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Thermometer = "1100008#1";
    private const string Temperature = "core:TemperatureState";
    private static readonly double[] Readings = [31.25, 32.5, 33.75];

    [Fact]
    public async Task Injected_readings_come_back_as_raw_and_daily_history_and_bad_queries_get_the_overkiz_errors()
    {
        using var client = gateway.Client();
        var url = gateway.Url(Thermometer);
        var device = $"setup/devices/{ApiClientExtensions.Escape(url)}";
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var (from, to) = (now - 3_600_000, now + 3_600_000);
        foreach (var reading in Readings)
        {
            using var put = await client.PutAsync($"/gatewayd/simulation/devices/{Uri.EscapeDataString(Thermometer)}/states",
                new StringContent($$"""[{"name":"{{Temperature}}","value":{{reading.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]""", Encoding.UTF8, "application/json"));
            Assert.Equal(200, (int)put.StatusCode);
        }

        // Samples are committed in batches (every second): wait until the raw history holds all three, in order.
        var raw = await WaitForAsync(client, $"{device}/states/{Temperature}/history/{from}/{to}",
            body => ContainsInOrder(body.GetProperty("historyValues").EnumerateArray().Select(v => double.Parse(v.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)), Readings));
        Assert.Equal(1, raw.GetProperty("historizationMethod").GetInt32());
        Assert.Equal("core:TemperatureInCelcius", raw.GetProperty("deviceUnit").GetString());
        var sample = raw.GetProperty("historyValues")[0];
        Assert.Equal(1, sample.GetProperty("samples").GetInt32());
        Assert.InRange(sample.GetProperty("when").GetInt64(), from, to);

        var (status, daily) = await client.GetJsonAsync($"{device}/states/{Temperature}/history/daily/{from}/{to}");
        Assert.Equal(200, status);
        var days = daily.GetProperty("historyValues").EnumerateArray().ToList();
        Assert.InRange(days.Count, 1, 2);
        Assert.True(days.Sum(d => d.GetProperty("samples").GetInt64()) >= Readings.Length);
        Assert.True(days.Max(d => d.GetProperty("max").GetDouble()) >= Readings[^1]);
        Assert.All(days, d => Assert.Equal(0, d.GetProperty("when").GetInt64() % 86_400_000));

        (status, var all) = await client.GetJsonAsync($"{device}/states/history/daily/{from}/{to}");
        Assert.Equal(200, status);
        Assert.Contains(all.EnumerateArray(), s => s.GetProperty("name").GetString() == Temperature && s.GetProperty("historyValues").GetArrayLength() > 0);
        (status, var stacked) = await client.GetJsonAsync($"{device}/states/{Temperature}/history/stacked/daily/{from}/{to}");
        Assert.Equal(200, status);
        Assert.Equal(url, stacked.GetProperty("stackLevels")[0].GetString());
        Assert.NotEqual(0, stacked.GetProperty("stackedHistoryValues").GetArrayLength());

        await AssertErrorAsync(client, $"{device}/states/{Temperature}/history/daily/{to}/{from}", "INVALID_PARAMETER");
        await AssertErrorAsync(client, $"{device}/states/{Temperature}/history/daily/0/{now}", "INVALID_PARAMETER");
        await AssertErrorAsync(client, $"{device}/states/{Temperature}/history/{now - 4 * 86_400_000L}/{now}", "INVALID_PARAMETER");
        await AssertErrorAsync(client, $"{device}/states/{Temperature}/history/{from}/{to}?limit=0", "INVALID_PARAMETER");
        await AssertErrorAsync(client, $"{device}/states/{Temperature}/history/daily/yesterday/{to}", "INVALID_PARAMETER");
        await AssertErrorAsync(client, $"{device}/states/{Temperature}/history/annual/{from}/99999999999999999999", "INVALID_PARAMETER");
        await AssertErrorAsync(client, $"setup/devices/{ApiClientExtensions.Escape(gateway.Url("9999999"))}/states/{Temperature}/history/daily/{from}/{to}", "NO_SUCH_DEVICE");
        await AssertErrorAsync(client, $"{device}/states/core:NoSuchState/history/daily/{from}/{to}", "UNSPECIFIED_ERROR");

        // A raw range beyond three days is fine with a limit, and answers the latest values.
        (status, var limited) = await client.GetJsonAsync($"{device}/states/{Temperature}/history/{now - 10 * 86_400_000L}/{to}?limit=1");
        Assert.Equal(200, status);
        Assert.Equal(1, limited.GetProperty("historyValues").GetArrayLength());
    }

    private static async Task AssertErrorAsync(HttpClient client, string path, string errorCode)
    {
        var (status, body) = await client.GetJsonAsync(path);
        Assert.Equal(400, status);
        Assert.Equal(errorCode, body.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await client.GetJsonAsync(path);
            Assert.Equal(200, status);
            if (done(body)) return body;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("history never showed the readings: " + body);
            await Task.Delay(100);
        }
    }

    private static bool ContainsInOrder(IEnumerable<double> values, double[] expected)
    {
        var next = 0;
        foreach (var value in values)
            if (next < expected.Length && value == expected[next]) next++;
        return next == expected.Length;
    }
}
