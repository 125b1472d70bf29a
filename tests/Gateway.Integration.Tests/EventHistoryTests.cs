using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Item 4 of issue 14: execution and device event history through the real API, paged, with bad input refused.</summary>
public class EventHistoryTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task History_lists_executions_and_device_faults_newest_first_a_page_at_a_time_and_can_be_cleared()
    {
        using var client = gateway.Client();
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var lamp = gateway.Url("1100006");
        var plug = gateway.Url("1100007");
        var door = gateway.Url("1100009");
        var execIds = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var execId = await client.ApplyAsync(lamp, "setIntensity", i * 10);
            await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            execIds.Add(execId);
        }
        using (var fault = await client.PutJsonAsync("/gatewayd/simulation/devices/1100007/fault", new { unreachable = true }))
            Assert.Equal(200, (int)fault.StatusCode);
        var failedId = await client.ApplyAsync(plug, "on");
        await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(failedId)));
        execIds.Add(failedId);
        using (var heal = await client.PutJsonAsync("/gatewayd/simulation/devices/1100007/fault", new { unreachable = false }))
            Assert.Equal(200, (int)heal.StatusCode);
        using (var battery = await client.PutJsonAsync("/gatewayd/simulation/devices/1100009/states", new[] { new { name = "core:BatteryState", value = "low" } }))
            Assert.Equal(200, (int)battery.StatusCode);

        // Device events are written off the bus thread: wait until all three are in history.
        var deviceEvents = await WaitForDeviceEventsAsync(client, events =>
            events.Any(e => Is(e, plug, "FAULT", "ACTUATORNOANSWER")) && events.Any(e => Is(e, plug, "FAULT", "DEVICE_UNAVAILABLE"))
            && events.Any(e => Is(e, door, "WARNING", "LOW_BATTERY")));
        var noAnswer = deviceEvents.First(e => Is(e, plug, "FAULT", "ACTUATORNOANSWER"));
        var (status, one) = await client.GetJsonAsync("history/devicesEvent/" + noAnswer.GetProperty("id").GetString());
        Assert.Equal(200, status);
        Assert.Equal(noAnswer.ToString(), one.GetProperty("deviceEvent").ToString());
        Assert.Equal(["eventTime", "deviceURL", "value", "id", "subType", "type"], noAnswer.EnumerateObject().Select(p => p.Name));

        var (_, firstPage) = await client.GetJsonAsync("history/lastExecutions?limit=2");
        var (_, secondPage) = await client.GetJsonAsync("history/lastExecutions?limit=2&offset=2");
        Assert.Equal(execIds.AsEnumerable().Reverse(), firstPage.EnumerateArray().Concat(secondPage.EnumerateArray()).Select(e => e.GetProperty("id").GetString()));
        var failed = firstPage[0];
        Assert.Equal("FAILED", failed.GetProperty("state").GetString());
        Assert.Equal("Immediate execution - MANUAL_CONTROL", failed.GetProperty("type").GetString());
        Assert.Equal("Immediate execution", failed.GetProperty("executionType").GetString());
        var command = Assert.Single(failed.GetProperty("commands").EnumerateArray());
        Assert.Equal((plug, "on", "FAILED", "ACTUATORNOANSWER"), (command.GetProperty("deviceURL").GetString(), command.GetProperty("command").GetString(),
            command.GetProperty("state").GetString(), command.GetProperty("failureType").GetString()));
        Assert.Equal("COMPLETED", secondPage[0].GetProperty("commands")[0].GetProperty("state").GetString());

        var (byIdStatus, byId) = await client.GetJsonAsync($"history/executions/{failedId}");
        Assert.Equal(200, byIdStatus);
        Assert.Equal(failed.ToString(), byId.GetProperty("execution").ToString());

        var (_, mixed) = await client.GetJsonAsync("history");
        var times = mixed.EnumerateArray().Select(e => (e.TryGetProperty("execution", out var x) ? x : e.GetProperty("deviceEvent")).GetProperty("eventTime").GetInt64()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(4, mixed.EnumerateArray().Count(e => e.TryGetProperty("execution", out _)));
        Assert.True(mixed.EnumerateArray().Count(e => e.TryGetProperty("deviceEvent", out _)) >= 3);
        Assert.Single((await client.GetJsonAsync("history?limit=1")).Body.EnumerateArray());

        await AssertErrorAsync(client, "history/executions/no-such-exec", "UNSPECIFIED_ERROR", "\"No corresponding execId no-such-exec\"");
        await AssertErrorAsync(client, "history/devicesEvent/no-such-event", "UNSPECIFIED_ERROR", "Unknown object.");
        foreach (var bad in new[] { "history/lastExecutions?limit=0", "history/lastExecutions?limit=1001", "history/devicesEvent?limit=abc",
                     "history?offset=-1", "history/devicesEvent?offset=1.5", "history?limit=1&limit=2" })
            await AssertErrorAsync(client, bad, "INVALID_PARAMETER", null);

        using (var cleared = await client.DeleteAsync("history"))
            Assert.Equal(204, (int)cleared.StatusCode);
        await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "HistoryDeletedEvent"));
        Assert.Equal(0, (await client.GetJsonAsync("history")).Body.GetArrayLength());
        Assert.Equal(0, (await client.GetJsonAsync("history/lastExecutions")).Body.GetArrayLength());
        Assert.Equal(0, (await client.GetJsonAsync("history/executions")).Body.GetArrayLength());
    }

    private static bool Is(JsonElement e, string deviceUrl, string type, string subType) =>
        e.GetProperty("deviceURL").GetString() == deviceUrl && e.GetProperty("type").GetString() == type && e.GetProperty("subType").GetString() == subType;

    private static async Task<List<JsonElement>> WaitForDeviceEventsAsync(HttpClient client, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await client.GetJsonAsync("history/devicesEvent");
            Assert.Equal(200, status);
            var events = body.EnumerateArray().ToList();
            if (done(events)) return events;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("device events never reached history: " + body);
            await Task.Delay(100);
        }
    }

    private static async Task AssertErrorAsync(HttpClient client, string path, string errorCode, string? error)
    {
        var (status, body) = await client.GetJsonAsync(path);
        Assert.True(status == 400, $"{path}: {status} {body}");
        Assert.Equal(errorCode, body.GetProperty("errorCode").GetString());
        if (error is not null) Assert.Equal(error, body.GetProperty("error").GetString());
        else Assert.StartsWith("Bad parameters.", body.GetProperty("error").GetString());
    }
}
