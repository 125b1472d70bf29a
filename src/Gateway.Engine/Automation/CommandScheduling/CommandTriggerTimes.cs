using Gateway.Core.Automation;
using Gateway.Core.Executions;
using Gateway.Engine.Calendars;

namespace Gateway.Engine.Automation.CommandScheduling;

/// <summary>One firing of a command-scheduling trigger: its mark key, its local date and the instant it falls due.</summary>
internal readonly record struct CommandFiring(string Key, int Schedule, DateOnly Date, DateTimeOffset At);

/// <summary>When command-scheduling triggers fall due, and what they run (pure functions of a definition).</summary>
internal static class CommandTriggerTimes
{
    public const int MinutesPerDay = 24 * 60;

    public static string Key(string oid, int schedule, int time) => $"{oid}:{schedule}:{time}";

    /// <summary>The local time of a minutes-of-day value, or null when it is not one.</summary>
    public static TimeOnly? TimeOf(int? minutesOfDay) =>
        minutesOfDay is { } m and >= 0 and < MinutesPerDay ? new TimeOnly(m / 60, m % 60) : null;

    /// <summary>
    /// The firings of the enabled schedules of <paramref name="trigger"/> on the local dates from <paramref name="first"/>
    /// to <paramref name="last"/>, each key's dates in ascending order. What cannot be read (a stored definition
    /// gone wrong) is left out.
    /// </summary>
    public static IEnumerable<CommandFiring> Firings(GenericCommandSchedulingTrigger trigger, TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var schedules = trigger.CommandSchedules ?? [];
        for (var s = 0; s < schedules.Count; s++)
        {
            if (schedules[s] is not { Enabled: true } schedule) continue;
            var times = schedule.ScheduleTimes ?? [];
            for (var t = 0; t < times.Count; t++)
            {
                if (TimeOf(times[t]?.DailyTime?.MinutesOfDay) is not { } time) continue;
                var key = Key(trigger.Oid!, s, t);
                for (var date = first; date <= last; date = date.AddDays(1))
                    yield return new CommandFiring(key, s, date, LocalTimes.At(date, time, zone));
            }
        }
    }

    /// <summary>The local date and instant of a delayed trigger, or null when its date or time is not one.</summary>
    public static (DateOnly Date, DateTimeOffset At)? Due(DelayedCommandsSchedulingTrigger trigger, TimeZoneInfo zone)
    {
        if (DateOf(trigger) is not { } date || TimeOf(trigger.CommandMinutes) is not { } time) return null;
        return (date, LocalTimes.At(date, time, zone));
    }

    public static DateOnly? DateOf(DelayedCommandsSchedulingTrigger trigger) =>
        trigger is { CommandYear: >= 1 and <= 9999 and var year, CommandMonth: >= 1 and <= 12 and var month, CommandDay: >= 1 and var day }
        && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    public static ActionRecord Action(GenericCommandSchedulingTrigger trigger, CommandSchedule schedule) =>
        new(trigger.DeviceUrl, [new CommandRecord(trigger.CommandFunctionName, schedule.Parameters is { Count: > 0 } parameters ? parameters : null, null)]);

    public static ActionRecord Action(DelayedCommandsSchedulingTrigger trigger) =>
        new(trigger.DeviceUrl, (trigger.CommandCalls ?? [])
            .Select(c => new CommandRecord(c.CommandFunctionName, c.CommandParameters is { Count: > 0 } parameters ? parameters : null, null))
            .ToList());
}
