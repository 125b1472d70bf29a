using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>The calendar through the local API: days, rules, status, schedule preview, errors, events and a real firing.</summary>
public class CalendarTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_work_day_calendar_is_created_previewed_fires_and_is_taken_apart()
    {
        using var client = gateway.Client();
        using (var put = await client.PutAsync("setup/location", Json("""{"timezone":"UTC","latitude":48.8566,"longitude":2.3522}""")))
            Assert.Equal(200, (int)put.StatusCode);
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var (_, created) = await client.PostJsonAsync("actionGroups",
            $$$"""{"label":"Open","actions":[{"deviceURL":"{{{gateway.Url("1100001")}}}","commands":[{"name":"open"}]}]}""");
        var group = created.GetProperty("actionGroupOID").GetString()!;

        // A day: open 30 minutes after dawn but never before 07:00, and a trigger at the current minute (due now).
        var now = DateTimeOffset.UtcNow;
        var (dayStatus, dayBody) = await client.PostJsonAsync("setup/calendar/days", $$$"""
            {"label":"Work days","type":"WORK_DAY","dayTimeTriggers":[
              {"startActionGroupTimeTrigger":{"triggerType":"DAWN","dawnOffset":30,"alwaysAfterHours":7,"alwaysAfterMinutes":0,"actionGroupOID":"{{{group}}}"}},
              {"startActionGroupTimeTrigger":{"triggerType":"TIME","hours":{{{now.Hour}}},"minutes":{{{now.Minute}}},"actionGroupOID":"{{{group}}}"}}]}
            """);
        Assert.Equal(201, dayStatus);
        var day = dayBody.GetProperty("calendarDayOID").GetString()!;
        var (ruleStatus, ruleBody) = await client.PostJsonAsync("setup/calendar/rules",
            $$$"""{"weeklyCalendarRule":{"priority":1,"calendarDayOID":"{{{day}}}","finalRule":false,"dayMask":127}}""");
        Assert.Equal(201, ruleStatus);
        var rule = ruleBody.GetProperty("calendarRuleOID").GetString()!;

        // The trigger of the current minute fires at once (it is seconds late, within the grace window).
        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "ExecutionRegisteredEvent"
            && all.Any(end => end.IsExecutionEnd(e.GetProperty("execId").GetString()!))), seconds: 15);
        Assert.Contains(events, e => e.GetProperty("name").GetString() == "CalendarDayCreatedEvent" && e.GetProperty("calendarDayOID").GetString() == day);
        Assert.Contains(events, e => e.GetProperty("name").GetString() == "CalendarRuleCreatedEvent" && e.GetProperty("calendarRuleOID").GetString() == rule);
        var (_, history) = await client.GetJsonAsync("history/executions");
        var calendarRun = history.EnumerateArray().Single(h => h.GetProperty("source").GetString() == $"calendar:{day}:1");
        Assert.Equal(("Weekly planning", "TIME_TRIGGER"), (calendarRun.GetProperty("type").GetString(), calendarRun.GetProperty("subType").GetString()));

        // Preview of a June day: dawn + 30 is before 07:00, so 07:00.
        var (_, june) = await client.GetJsonAsync("setup/calendar/schedule/2026/6/15");
        Assert.Equal([day], june.GetProperty("calendarDays").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([rule], june.GetProperty("calendarRules").EnumerateArray().Select(e => e.GetString()));
        var open = june.GetProperty("firings").EnumerateArray().Single(f => f.GetProperty("triggerIndex").GetInt32() == 0);
        Assert.Equal("2026-06-15T07:00:00+00:00", open.GetProperty("localTime").GetString());
        var start = new DateOnly(2026, 6, 15).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        var (_, range) = await client.GetJsonAsync($"setup/calendar/schedule/{start}/{start + 6}");
        Assert.Equal(7, range.EnumerateObject().Count());

        Assert.Single((await client.GetJsonAsync("setup/calendar/days")).Body.EnumerateArray());
        Assert.Equal(day, (await client.GetJsonAsync("setup/calendar/rules")).Body[0].GetProperty("weeklyCalendarRule").GetProperty("calendarDayOID").GetString());
        using (var off = await client.PutAsync("setup/calendar/status", Json("""{"enabled":false}"""))) Assert.Equal(200, (int)off.StatusCode);
        Assert.False((await client.GetJsonAsync("setup/calendar/status")).Body.GetProperty("enabled").GetBoolean());

        // Bad input: the box's error bodies.
        var (badGroup, badGroupBody) = await client.PostJsonAsync("setup/calendar/days",
            """{"label":"x","dayTimeTriggers":[{"startActionGroupTimeTrigger":{"triggerType":"TIME","hours":7,"actionGroupOID":"nope"}}]}""");
        Assert.Equal(400, badGroup);
        Assert.Equal("INVALID_PARAMETER", badGroupBody.GetProperty("errorCode").GetString());
        var (badOffset, _) = await client.PostJsonAsync("setup/calendar/days",
            $$$"""{"label":"x","dayTimeTriggers":[{"startActionGroupTimeTrigger":{"triggerType":"DUSK","duskOffset":721,"actionGroupOID":"{{{group}}}"}}]}""");
        Assert.Equal(400, badOffset);
        Assert.Equal(400, (await client.PostJsonAsync("setup/calendar/days", """{"label":"x","dayTimeTriggers":"nope"}""")).Status);
        Assert.Equal(400, (await client.PostJsonAsync("setup/calendar/rules", """{"weeklyCalendarRule":{"calendarDayOID":"nope","dayMask":1}}""")).Status);
        var (unknown, unknownBody) = await client.GetJsonAsync("setup/calendar/days/nope");
        Assert.Equal(400, unknown);
        Assert.Equal("UNSPECIFIED_ERROR", unknownBody.GetProperty("errorCode").GetString());
        Assert.Equal(400, (await client.GetJsonAsync("setup/calendar/schedule/2026/2/30")).Status);

        Assert.Equal(204, (await client.DeleteJsonAsync($"setup/calendar/rules/{rule}")).Status);
        Assert.Equal(204, (await client.DeleteJsonAsync($"setup/calendar/days/{day}")).Status);
        await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "CalendarDayDeletedEvent"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
