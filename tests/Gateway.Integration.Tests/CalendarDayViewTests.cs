using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>POST /setup/calendar/schedule/{y}/{m}/{d}/dayView: the triggers a date gets from the rules, less a filter.</summary>
public class CalendarDayViewTests
{
    [Fact]
    public async Task The_day_view_merges_the_days_the_rules_give_a_date_and_leaves_out_what_the_filter_names()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            await using var daemon = await DaemonProcess.StartAsync(data);
            using var client = daemon.Client(await daemon.CreateTokenAsync("day-view"));
            var gateway = await client.GatewayIdAsync();
            var group = (await client.PostJsonAsync("actionGroups",
                $$$"""{"label":"Open","actions":[{"deviceURL":"sim://{{{gateway}}}/1100001","commands":[{"name":"open"}]}]}""")).Body.GetProperty("actionGroupOID").GetString()!;
            var work = await DayAsync(client, "Work", 7, group);
            var holiday = await DayAsync(client, "Holiday", 9, group);
            await RuleAsync(client, work, priority: 1, mask: 127);
            var mondays = await RuleAsync(client, holiday, priority: 5, mask: 1);
            var holidayTrigger = (await client.GetJsonAsync($"setup/calendar/days/{holiday}")).Body
                .GetProperty("dayTimeTriggers")[0].GetProperty("startActionGroupTimeTrigger").GetProperty("id").GetString()!;

            // 2030-01-07 is a Monday: the holiday rule (priority 5) first, then the work day.
            Assert.Equal(new[] { 9, 7 }, await HoursAsync(client, "2030/1/7", null));
            Assert.Equal(new[] { 7 }, await HoursAsync(client, "2030/1/8", null));
            Assert.Equal(new[] { 9 }, await HoursAsync(client, "2030/1/7", """{"priority":5}"""));
            Assert.Equal(new[] { 7 }, await HoursAsync(client, "2030/1/7", $$"""{"calendarRulesOid":["{{mondays}}"]}"""));
            Assert.Equal(new[] { 7 }, await HoursAsync(client, "2030/1/7", $$"""{"timeTriggersId":["{{holidayTrigger}}"]}"""));
            Assert.Equal(new[] { 9 }, await HoursAsync(client, "2030/1/7", $$"""{"calendarDaysOid":["{{work}}"]}"""));
            Assert.Equal(2, (await client.GetJsonAsync("setup/calendar/days")).Body.GetArrayLength()); // a view, nothing stored

            var (status, body) = await client.PostJsonAsync("setup/calendar/schedule/2030/1/7/dayView", """{"priority":"high"}""");
            Assert.Equal(400, status);
            Assert.Equal("INVALID_PARAMETER", body.GetProperty("errorCode").GetString());
            Assert.Equal(400, (await client.PostJsonAsync("setup/calendar/schedule/2030/13/7/dayView", "{}")).Status);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> DayAsync(HttpClient client, string label, int hours, string group)
    {
        var (status, body) = await client.PostJsonAsync("setup/calendar/days", $$$"""
            {"label":"{{{label}}}","type":"WORK_DAY","dayTimeTriggers":[{"startActionGroupTimeTrigger":{"triggerType":"TIME","hours":{{{hours}}},"minutes":0,"actionGroupOID":"{{{group}}}"}}]}
            """);
        Assert.Equal(201, status);
        return body.GetProperty("calendarDayOID").GetString()!;
    }

    private static async Task<string> RuleAsync(HttpClient client, string day, int priority, int mask)
    {
        var (status, body) = await client.PostJsonAsync("setup/calendar/rules",
            $$$"""{"weeklyCalendarRule":{"priority":{{{priority}}},"calendarDayOID":"{{{day}}}","finalRule":false,"dayMask":{{{mask}}}}}""");
        Assert.Equal(201, status);
        return body.GetProperty("calendarRuleOID").GetString()!;
    }

    private static async Task<int[]> HoursAsync(HttpClient client, string date, string? filter)
    {
        using var content = new StringContent(filter ?? "", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"setup/calendar/schedule/{date}/dayView", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var view = JsonDocument.Parse(text);
        return view.RootElement.GetProperty("dayTimeTriggers").EnumerateArray()
            .Select(t => t.GetProperty("startActionGroupTimeTrigger").GetProperty("hours").GetInt32()).ToArray();
    }
}
