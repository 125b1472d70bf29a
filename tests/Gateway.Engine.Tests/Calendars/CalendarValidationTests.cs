using System.Text.Json;
using Gateway.Core.Calendars;
using Gateway.Core.Errors;
using static Gateway.Engine.Tests.Calendars.CalendarHarness;

namespace Gateway.Engine.Tests.Calendars;

/// <summary>What the calendar refuses (with the box's error bodies), and the events its changes publish.</summary>
public class CalendarValidationTests
{
    private static readonly DateOnly JuneMonday = new(2026, 6, 15);

    public static TheoryData<string, Func<string, TimeTrigger>> BadTriggers => new()
    {
        { "unknown action group", _ => TimeAt(7, 0, "no-such-group") },
        { "no action group", _ => TimeAt(7, 0, "") with { ActionGroupOid = null } },
        { "unknown trigger type", g => TimeAt(7, 0, g) with { TriggerType = "NOON" } },
        { "hour 24", g => TimeAt(24, 0, g) },
        { "minute 60", g => TimeAt(7, 60, g) },
        { "dawn offset beyond 720", g => new TimeTrigger { TriggerType = TimeTriggerTypes.Dawn, DawnOffset = 721, ActionGroupOid = g } },
        { "dusk offset beyond -720", g => new TimeTrigger { TriggerType = TimeTriggerTypes.Dusk, DuskOffset = -721, ActionGroupOid = g } },
        { "random offset beyond 720", g => TimeAt(7, 0, g) with { RandomTimeOffset = 721 } },
        { "negative random offset", g => TimeAt(7, 0, g) with { RandomTimeOffset = -1 } },
        { "bad bound", g => TimeAt(7, 0, g) with { AlwaysBeforeHours = 25 } },
        { "bounds crossed", g => TimeAt(7, 0, g) with { AlwaysAfterHours = 9, AlwaysBeforeHours = 8 } },
    };

    [Theory]
    [MemberData(nameof(BadTriggers))]
    public async Task A_day_with_a_bad_trigger_is_refused_as_invalid_parameter(string why, Func<string, TimeTrigger> trigger)
    {
        using var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 0));
        var group = await h.GroupAsync("G");
        var error = await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.CreateDayAsync(Day("Bad", trigger(group.Oid)), default));
        Assert.Equal(400, error.Error.Status);
        Assert.Equal("INVALID_PARAMETER", error.Error.ErrorCode);
        Assert.Empty(h.Calendar.Days());
        Assert.False(h.Settings.Values.ContainsKey("calendar.days"), why);
    }

    [Fact]
    public async Task Offsets_of_exactly_720_minutes_and_a_day_without_triggers_are_accepted()
    {
        using var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 0));
        var group = await h.GroupAsync("G");
        await h.Calendar.CreateDayAsync(Day("Edge",
            new TimeTrigger { TriggerType = TimeTriggerTypes.Dawn, DawnOffset = -720, RandomTimeOffset = 720, ActionGroupOid = group.Oid }), default);
        await h.Calendar.CreateDayAsync(Day("Empty"), default);
        Assert.Equal(2, h.Calendar.Days().Count);
    }

    [Fact]
    public async Task Unknown_days_and_rules_and_bad_rules_are_refused()
    {
        using var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 0));
        var group = await h.GroupAsync("G");
        var day = await h.EveryDayAsync(TimeAt(7, 0, group.Oid));

        Assert.Equal("UNSPECIFIED_ERROR", (await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.UpdateDayAsync(day with { Oid = "nope" }, default))).Error.ErrorCode);
        Assert.Equal("UNSPECIFIED_ERROR", (await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.DeleteDayAsync("nope", default))).Error.ErrorCode);
        Assert.Equal("UNSPECIFIED_ERROR", (await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.DeleteRulesAsync(["nope"], default))).Error.ErrorCode);
        Assert.Equal("UNSPECIFIED_ERROR", (await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.UpdateRulesAsync([Rule(day.Oid!, 1) with { Oid = "nope" }], default))).Error.ErrorCode);

        foreach (var bad in new[]
                 {
                     Rule("no-such-day", WeeklyCalendarRule.EveryDay),
                     Rule(day.Oid!, 0),
                     Rule(day.Oid!, 128),
                     Rule(day.Oid!, 1) with { StartYear = 2026, StartMonth = 2, StartDay = 30 },
                     Rule(day.Oid!, 1) with { StartYear = 2026, StartMonth = 5, StartDay = 1, EndMonth = 6, EndDay = 1 },
                     Rule(day.Oid!, 1) with { StartYear = 2026, StartMonth = 5, StartDay = 1, EndYear = 2026, EndMonth = 4, EndDay = 1 },
                 })
        {
            var error = await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.CreateRulesAsync([bad], default));
            Assert.Equal("INVALID_PARAMETER", error.Error.ErrorCode);
        }
        Assert.Single(h.Calendar.Rules());

        // A day a rule uses cannot go; once the rule is gone it can.
        var inUse = await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.DeleteDayAsync(day.Oid!, default));
        Assert.Equal("INVALID_PARAMETER", inUse.Error.ErrorCode);
        await h.Calendar.DeleteRulesAsync([h.Calendar.Rules()[0].Oid!], default);
        await h.Calendar.DeleteDayAsync(day.Oid!, default);
        Assert.Empty(h.Calendar.Days());
    }

    [Fact]
    public async Task Changes_publish_the_calendar_events_and_survive_a_reload()
    {
        using var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 0));
        var group = await h.GroupAsync("G");
        var day = await h.EveryDayAsync(TimeAt(7, 0, group.Oid));
        var rule = h.Calendar.Rules()[0];
        await h.Calendar.UpdateDayAsync(day with { Label = "Renamed" }, default);
        await h.Calendar.UpdateRulesAsync([rule with { Priority = 3 }], default);
        await h.Calendar.SetStatusAsync(false, default);

        await h.RestartAsync(TimeSpan.Zero);
        Assert.Equal("Renamed", h.Calendar.FindDay(day.Oid!)!.Label);
        Assert.Equal(day.Triggers[0].Id, h.Calendar.FindDay(day.Oid!)!.Triggers[0].Id);
        Assert.Equal(3, h.Calendar.FindRule(rule.Oid!)!.Priority);
        Assert.False(h.Calendar.Status.Enabled);

        await h.Calendar.DeleteRulesAsync([rule.Oid!], default);
        await h.Calendar.DeleteDayAsync(day.Oid!, default);
        var names = h.Engine.Sink.Events.Select(e => e.Name).Where(n => n.StartsWith("Calendar", StringComparison.Ordinal)).ToList();
        Assert.Equal(["CalendarDayCreatedEvent", "CalendarRuleCreatedEvent", "CalendarDayUpdatedEvent", "CalendarRuleUpdatedEvent",
            "CalendarRuleDeletedEvent", "CalendarDayDeletedEvent"], names);

        var created = h.Engine.Sink.Of<CalendarDayEvent>().First();
        var json = JsonSerializer.SerializeToElement(created, CalendarJsonContext.Default.CalendarDayEvent);
        Assert.Equal("CalendarDayCreatedEvent", json.GetProperty("name").GetString());
        Assert.Equal(day.Oid, json.GetProperty("calendarDayOID").GetString());
        Assert.Equal("TIME", json.GetProperty("dayTimeTriggers")[0].GetProperty("startActionGroupTimeTrigger").GetProperty("triggerType").GetString());
        var deleted = JsonSerializer.SerializeToElement(h.Engine.Sink.Of<CalendarRuleEvent>().Last(), CalendarJsonContext.Default.CalendarRuleEvent);
        Assert.Equal(["timestamp", "setupOID", "calendarRuleOID", "name"], deleted.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_trigger_or_rule_sent_without_enabled_is_enabled()
    {
        var day = JsonSerializer.Deserialize("""{"label":"d","dayTimeTriggers":[{"startActionGroupTimeTrigger":{"triggerType":"TIME","hours":7}}]}""",
            CalendarJsonContext.Default.CalendarDay)!;
        Assert.True(day.Triggers[0].Enabled);
        var rule = JsonSerializer.Deserialize("""{"weeklyCalendarRule":{"calendarDayOID":"d","dayMask":1}}""", CalendarJsonContext.Default.CalendarRule)!;
        Assert.True(rule.WeeklyCalendarRule!.Enabled);
        var off = JsonSerializer.Deserialize("""{"startActionGroupTimeTrigger":{"enabled":false}}""", CalendarJsonContext.Default.CalendarDay.Options.GetTypeInfo(typeof(DayTimeTrigger)));
        Assert.False(((DayTimeTrigger)off!).StartActionGroupTimeTrigger!.Enabled);
    }
}
