using Gateway.Core.ActionGroups;
using Gateway.Core.Calendars;
using Gateway.Core.Location;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Calendars;
using Gateway.Engine.Location;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests.Calendars;

/// <summary>A calendar over the scripted engine, in a given home (time zone and coordinates), on a manual clock.</summary>
internal sealed class CalendarHarness : IDisposable
{
    public static readonly (string Zone, double Latitude, double Longitude) Paris = ("Europe/Paris", 48.8566, 2.3522);
    public static readonly (string Zone, double Latitude, double Longitude) NewYork = ("America/New_York", 40.7128, -74.0060);
    public static readonly (string Zone, double Latitude, double Longitude) Tromso = ("Europe/Oslo", 69.65, 18.96);

    public EngineHarness Engine { get; } = new();
    public InMemoryActionGroupStore GroupStore { get; } = new();
    public InMemorySettingsStore Settings { get; } = new();
    public ActionGroupService Groups { get; }
    public LocationService Location { get; }
    public CalendarService Calendar { get; private set; }
    public CalendarRunner? Runner { get; private set; }
    public TimeZoneInfo Zone { get; }

    private CalendarHarness((string Zone, double Latitude, double Longitude) home)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(home.Zone);
        Groups = new ActionGroupService(GroupStore, Engine.Registry, Engine.Engine, Engine.Bus, EngineHarness.Identity, Engine.Time);
        Location = new LocationService(Settings, Engine.Time);
        Calendar = NewService();
    }

    public static async Task<CalendarHarness> StartAsync((string Zone, double Latitude, double Longitude) home, DateOnly date, TimeOnly localTime)
    {
        var h = new CalendarHarness(home);
        h.SetClock(date, localTime);
        await h.Location.UpdateAsync(new SetupLocation { Timezone = home.Zone, Latitude = home.Latitude, Longitude = home.Longitude }, default);
        return h;
    }

    public ManualTimeProvider Time => Engine.Time;

    /// <summary>Puts the wall clock at a local time (before any runner starts, so no timer sees the jump).</summary>
    public void SetClock(DateOnly date, TimeOnly localTime) => Time.Jump(LocalTimes.At(date, localTime, Zone) - Time.GetUtcNow());

    public DateTimeOffset Local(DateOnly date, int hours, int minutes) => LocalTimes.At(date, new TimeOnly(hours, minutes), Zone);

    public Task<ActionGroup> GroupAsync(string label, string address = "1") =>
        Groups.CreateAsync(new ActionGroupDraft(label, EngineHarness.Request((address, [EngineHarness.Command("open")])).Actions, null, false, 0, null, null, null), default);

    public async Task StartRunnerAsync()
    {
        Runner = new CalendarRunner(Calendar, Groups, Time, NullLogger<CalendarRunner>.Instance);
        await Runner.StartAsync(default);
    }

    /// <summary>A gateway restart: a new calendar and runner over the same settings.</summary>
    public async Task RestartAsync(TimeSpan off)
    {
        StopRunner();
        Time.Advance(off, TimeSpan.FromMinutes(1));
        Calendar = NewService();
        await Calendar.LoadAsync(default);
        await StartRunnerAsync();
    }

    public void StopRunner()
    {
        Runner?.Dispose();
        Runner = null;
    }

    /// <summary>Executions the calendar started, by source.</summary>
    public IReadOnlyList<string> Runs => Engine.Executions.Started.Values.Where(r => r.Source.StartsWith("calendar:", StringComparison.Ordinal) && r.Owner == CalendarRunner.Owner)
        .Select(r => r.Source).ToList();

    /// <summary>When the radio received commands (the instant an execution really happened).</summary>
    public IReadOnlyList<DateTimeOffset> RadioTimes => Engine.Radio.Executed.Select(e => e.At).ToList();

    public static TimeTrigger TimeAt(int hours, int minutes, string actionGroup) =>
        new() { TriggerType = TimeTriggerTypes.Time, Hours = hours, Minutes = minutes, ActionGroupOid = actionGroup };

    public static CalendarDay Day(string label, params TimeTrigger[] triggers) =>
        new() { Label = label, Type = "WORK_DAY", DayTimeTriggers = triggers.Select(t => new DayTimeTrigger(t)).ToList() };

    public static WeeklyCalendarRule Rule(string dayOid, int mask, int priority = 0, bool final = false) =>
        new() { CalendarDayOid = dayOid, DayMask = mask, Priority = priority, FinalRule = final };

    /// <summary>A day of the given triggers applied every day by one rule.</summary>
    public async Task<CalendarDay> EveryDayAsync(params TimeTrigger[] triggers)
    {
        var day = await Calendar.CreateDayAsync(Day("Every day", triggers), default);
        await Calendar.CreateRulesAsync([Rule(day.Oid!, WeeklyCalendarRule.EveryDay)], default);
        return day;
    }

    public static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Waits for <paramref name="condition"/> while nudging the clock on: on a loaded machine a firing can still be at
    /// work when an Advance ends, and the wake-up it arms afterwards only goes off when the clock moves again.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }
    }

    /// <summary>Lets what the last ticks started settle, for assertions that something did not happen.</summary>
    public static Task SettleAsync() => Task.Delay(100);

    public void Dispose() => StopRunner();

    private CalendarService NewService() =>
        new(new CalendarStore(Settings), Groups, Location, Engine.Bus, EngineHarness.Identity, Time);
}
