using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>
/// Bodies of the wrong kind, nulls, lone surrogates and out-of-range numbers: each a 400 with a message, never the
/// generic handler, and a refused schedule is not stored.
/// </summary>
public class HostileBodyTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private async Task<string> GroupAsync(HttpClient client)
    {
        var scene = JsonSerializer.Serialize(new
        {
            label = "scene",
            actions = new[] { new { deviceURL = gateway.Url("1100002"), commands = new[] { new { name = "open" } } } },
        });
        var (status, body) = await client.PostJsonAsync("actionGroups", scene);
        Assert.True(status == 201, body.ToString());
        return body.GetProperty("actionGroupOID").GetString()!;
    }

    private static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    [InlineData("PUT", "actionGroups", "\"x\"")]
    [InlineData("PUT", "actionGroups", "[null]")]
    [InlineData("POST", "actionGroups", """{"label":"x","notificationTypeMask":"x","actions":[{"deviceURL":"sim://GW/1100002","commands":[{"name":"open"}]}]}""")]
    [InlineData("PUT", "triggers/status", "true")]
    [InlineData("PUT", "setup/calendar/status", "[null]")]
    [InlineData("POST", "exec/apply", """{"actions":[{"deviceURL":"sim://GW/1100004","commands":[{"name":"setName","parameters":["\ud800"]}]}]}""")]
    [InlineData("POST", "conditionGroups", """{"label":"x","conditions":[{"staticDeviceStateCondition":{"deviceURL":"sim://GW/1100002","stateName":"core:OnOffState","operator":"EQUALS","value1":"\ud800"}}]}""")]
    [InlineData("POST", "setup/calendar/ruleSet/_delete", "[null]")]
    [InlineData("POST", "triggers", """{"ifThenSetupTrigger":{"label":"x","mode":1,"rootConditionBlock":{"conditionGroupReference":{"conditionGroupOID":null}},"effects":[]}}""")]
    [InlineData("PUT", "setup/location", """{"timezone":null,"latitude":48.8,"longitude":2.3}""")]
    [InlineData("PUT", "setup/location", """{"timezone":"Europe/Paris","latitude":1e400,"longitude":2.3}""")]
    [InlineData("POST", "exec/apply", """{"actions":[{"deviceURL":"sim://GW/1100002","commands":[{"name":"open","delay":1e30}]}]}""")]
    [InlineData("PUT", "/gatewayd/simulation/devices/1100002/fault", """{"unreachable":true,"latencyMs":"x"}""")]
    [InlineData("PUT", "/gatewayd/simulation/devices/1100002/states", """[{"name":"core:TemperatureState","value":1,"type":"x"}]""")]
    [InlineData("PUT", "/gatewayd/simulation/devices/1100002/states", """[{"name":null,"value":{}}]""")]
    public async Task Wrong_kinds_nulls_surrogates_and_out_of_range_numbers_get_400_with_a_message(string method, string path, string body)
    {
        using var client = gateway.Client();
        var (status, error) = await SendAsync(client, method, path, body.Replace("sim://GW/", $"sim://{gateway.GatewayId}/"));
        Assert.True(status == 400, $"{status} {error}");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()), error.ToString());
        Assert.DoesNotContain("internal error", error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("253402300800000")]
    public async Task A_schedule_out_of_range_is_refused_and_not_stored(string utcTimestamp)
    {
        using var client = gateway.Client();
        var group = await GroupAsync(client);
        var (status, error) = await client.PostJsonAsync($"exec/schedule/{group}/{utcTimestamp}");
        Assert.True(status == 400, error.ToString());
        Assert.Contains("utcTimestamp", error.GetProperty("error").GetString());
        var (_, schedules) = await client.GetJsonAsync($"exec/schedule/{group}");
        Assert.Equal(0, schedules.GetArrayLength());
    }
}
