using System.Text.Json;
using Gateway.Core.Calendars;
using Gateway.Core.Errors;
using static Gateway.Engine.Tests.Calendars.CalendarHarness;

namespace Gateway.Engine.Tests.Calendars;

/// <summary>A calendar day trigger may carry its own (managed) action group instead of naming a stored one.</summary>
public class CalendarManagedGroupTests
{
    private static readonly DateOnly JuneMonday = new(2026, 6, 15);

    [Fact]
    public async Task A_managed_group_runs_at_its_time_under_its_own_label_and_is_shown_in_the_preview()
    {
        using var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 58));
        var day = await h.EveryDayAsync(Managed(7, 0, EngineHarness.Url("1")));
        var preview = h.Calendar.ScheduleFor(JuneMonday);
        Assert.Equal("Open the hall shutter", Assert.Single(preview.Firings).LocalActionGroup!.Value.GetProperty("label").GetString());

        await h.StartRunnerAsync();
        h.Time.Advance(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
        await WaitAsync(() => h.Runs.Count == 1);

        var run = Assert.Single(h.Engine.Executions.Started.Values, r => r.Source == $"calendar:{day.Oid}:0");
        Assert.Equal("Open the hall shutter", run.Label);
        Assert.Empty(h.Groups.All());
    }

    [Fact]
    public async Task A_managed_group_on_an_unknown_device_is_refused_like_a_stored_one()
    {
        using var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 58));

        var error = await Assert.ThrowsAsync<OverkizException>(() => h.Calendar.CreateDayAsync(Day("Bad", Managed(7, 0, EngineHarness.Url("404"))), default));

        Assert.Equal(400, error.Error.Status);
        Assert.Contains("No such device", error.Error.Error);
    }

    private static TimeTrigger Managed(int hours, int minutes, string deviceUrl)
    {
        using var document = JsonDocument.Parse($$"""
            {"label":"Open the hall shutter","actions":[{"deviceURL":"{{deviceUrl}}","commands":[{"name":"open"}]}]}
            """);
        return new TimeTrigger { TriggerType = TimeTriggerTypes.Time, Hours = hours, Minutes = minutes, LocalActionGroup = document.RootElement.Clone() };
    }
}
