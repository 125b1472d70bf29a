using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Everything a client can make the gateway store or return is bounded: refused with a 400 naming the limit.</summary>
public class InputLimitTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private string Group(string label, string parameter) => JsonSerializer.Serialize(new
    {
        label,
        actions = new[] { new { deviceURL = gateway.Url("1100004"), commands = new[] { new { name = "setName", parameters = new[] { parameter } } } } },
    });

    private static void AssertLimit(int status, JsonElement body, string named)
    {
        Assert.True(status == 400, body.ToString());
        Assert.Equal("INVALID_PARAMETER", body.GetProperty("errorCode").GetString());
        Assert.Contains(named, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_250000_character_parameter_is_refused_and_the_action_groups_stay_small()
    {
        using var client = gateway.Client();
        var (status, body) = await client.PostJsonAsync("actionGroups", Group("big", new string('p', 250_000)));
        AssertLimit(status, body, "limit of 131072 bytes");

        (status, body) = await client.PostJsonAsync("actionGroups", Group("big", new string('p', 2_000)));
        AssertLimit(status, body, "a parameter of setName exceeds the limit of 1024 characters");

        var (listed, groups) = await client.GetJsonAsync("actionGroups");
        Assert.Equal(200, listed);
        Assert.DoesNotContain(groups.EnumerateArray(), g => g.GetProperty("label").GetString() == "big");
    }

    [Fact]
    public async Task A_250000_character_label_is_refused_on_exec_apply_and_the_history_stays_bounded()
    {
        using var client = gateway.Client();
        var apply = (string label) => JsonSerializer.Serialize(new
        {
            label,
            actions = new[] { new { deviceURL = gateway.Url("1100002"), commands = new[] { new { name = "open" } } } },
        });
        var (status, body) = await client.PostJsonAsync("exec/apply", apply(new string('l', 250_000)));
        AssertLimit(status, body, "limit of 65536 bytes");

        (status, body) = await client.PostJsonAsync("exec/apply", apply(new string('l', 129)));
        AssertLimit(status, body, "label exceeds the limit of 128 characters");

        (status, body) = await client.PostJsonAsync("exec/apply", apply(new string('l', 128)));
        Assert.True(status == 200, body.ToString());

        var (listed, history) = await client.GetJsonAsync("history/executions");
        Assert.Equal(200, listed);
        Assert.True(history.GetArrayLength() <= 200);
        Assert.All(history.EnumerateArray(), e => Assert.True(e.GetProperty("label").GetString()!.Length <= 128));
    }

    [Theory]
    [InlineData("conditionGroups", """{"label":"LONG","conditions":[]}""", "label exceeds the limit of 128 characters")]
    [InlineData("setup/calendar/days", """{"label":"LONG","type":"WORK_DAY","dayTimeTriggers":[]}""", "label exceeds the limit of 128 characters")]
    [InlineData("exec/apply", """{"label":"x","actions":[{"deviceURL":"sim://1234-1234-1234/1","commands":[{"name":"LONG"}]}]}""", "name exceeds the limit of 128 characters")]
    [InlineData("conditionGroups", """{"label":"x","metadata":"HUGE","conditions":[]}""", "a string in metadata exceeds the limit of 4096 characters")]
    public async Task Labels_names_and_strings_beyond_their_limits_are_refused(string path, string template, string named)
    {
        using var client = gateway.Client();
        var json = template.Replace("LONG", new string('n', 129)).Replace("HUGE", new string('m', 4097));
        var (status, body) = await client.PostJsonAsync(path, json);
        AssertLimit(status, body, named);
    }

    [Fact]
    public async Task Arrays_parameters_and_nesting_beyond_their_limits_are_refused()
    {
        using var client = gateway.Client();
        var url = gateway.Url("1100004");
        var (status, body) = await client.PostJsonAsync("exec/apply",
            $$"""{"actions":[{"deviceURL":"{{url}}","commands":[{"name":"setName","parameters":[{{string.Join(",", Enumerable.Repeat("1", 17))}}]}]}]}""");
        AssertLimit(status, body, "exceeds the limit of 16 parameters");

        (status, body) = await client.PostJsonAsync("exec/apply", $$"""{"actions":[{{string.Join(",", Enumerable.Repeat("1", 1001))}}]}""");
        AssertLimit(status, body, "an array in actions exceeds the limit of 1000 items");

        (status, body) = await client.PostJsonAsync("exec/apply", new string('[', 40) + new string(']', 40));
        AssertLimit(status, body, "nesting of the body exceeds the limit of 32 levels");
    }
}
