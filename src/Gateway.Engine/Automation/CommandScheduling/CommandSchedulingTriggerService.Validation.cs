using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Executions;
using Gateway.Engine.Calendars;
using Gateway.Engine.Executions;

namespace Gateway.Engine.Automation.CommandScheduling;

/// <summary>Strict validation of client definitions (stored ones are read as they are and fail, logged, when they run).</summary>
public sealed partial class CommandSchedulingTriggerService
{
    private void Validate(GenericCommandSchedulingTrigger draft)
    {
        ValidateCommon(draft.Label, draft.Mode, draft.DeviceUrl, draft.StateRestrictions);
        if (string.IsNullOrWhiteSpace(draft.CommandFunctionName)) throw Bad("a commandFunctionName is needed");
        var schedules = draft.CommandSchedules ?? [];
        if (schedules.Count is 0 or > MaxSchedules) throw Bad($"a trigger needs 1 to {MaxSchedules} commandSchedules");
        for (var s = 0; s < schedules.Count; s++)
        {
            var schedule = schedules[s] ?? throw Bad($"commandSchedules[{s}] is empty");
            var times = schedule.ScheduleTimes ?? [];
            if (times.Count is 0 or > MaxTimesPerSchedule) throw Bad($"commandSchedules[{s}]: a schedule needs 1 to {MaxTimesPerSchedule} scheduleTimes");
            for (var t = 0; t < times.Count; t++)
            {
                var where = $"commandSchedules[{s}].scheduleTimes[{t}]";
                var scheduleTime = times[t] ?? throw Bad($"{where} is empty");
                if (scheduleTime.Other is { Count: > 0 } other)
                    throw Bad($"{where}: unsupported schedule time {string.Join(", ", other.Keys)} (only dailyTime is supported)");
                if (scheduleTime.DailyTime?.MinutesOfDay is not { } minutes) throw Bad($"{where}: a dailyTime with minutesOfDay is needed");
                if (minutes is < 0 or >= CommandTriggerTimes.MinutesPerDay) throw Bad($"{where}: minutesOfDay must be within 0..1439");
            }
            // The device's definition decides the command name and its parameters, as for any execution.
            ExecutionRequestValidator.Validate(new ExecutionRequest(draft.Label, [CommandTriggerTimes.Action(draft, schedule)], Owner, TestSource), registry);
        }
    }

    private void Validate(DelayedCommandsSchedulingTrigger draft, bool checkPast)
    {
        ValidateCommon(draft.Label, draft.Mode, draft.DeviceUrl, draft.StateRestrictions);
        var calls = draft.CommandCalls ?? [];
        if (calls.Count is 0 or > MaxCommandCalls) throw Bad($"a trigger needs 1 to {MaxCommandCalls} commandCalls");
        for (var i = 0; i < calls.Count; i++)
            if (calls[i] is not { CommandFunctionName: { Length: > 0 } }) throw Bad($"commandCalls[{i}]: a commandFunctionName is needed");
        if (draft.CommandYear is not (>= 1970 and <= 2200) || draft.CommandMonth is not (>= 1 and <= 12) || draft.CommandDay is not >= 1
            || CommandTriggerTimes.DateOf(draft) is not { } date)
            throw Bad("commandYear (1970..2200), commandMonth and commandDay must make a date");
        if (CommandTriggerTimes.TimeOf(draft.CommandMinutes) is not { } localTime) throw Bad("commandMinutes must be within 0..1439");
        ExecutionRequestValidator.Validate(new ExecutionRequest(draft.Label, [CommandTriggerTimes.Action(draft)], Owner, TestSource), registry);
        if (checkPast && LocalTimes.At(date, localTime, Zone()) < time.GetUtcNow() - GraceWindow)
            throw Bad($"the command time {date:yyyy-MM-dd} {localTime:HH:mm} is in the past");
    }

    private void ValidateCommon(string? label, int mode, string? deviceUrl, IReadOnlyList<StateRestriction>? restrictions)
    {
        if (string.IsNullOrWhiteSpace(label) || label.Length > 200) throw Bad("a trigger needs a label of at most 200 characters");
        if (!TriggerModes.IsValid(mode)) throw Bad("mode is 1 (always on), 2 (off) or 3 (scheduled)");
        if (string.IsNullOrEmpty(deviceUrl) || registry.Find(deviceUrl) is null) throw new OverkizException(OverkizError.NoSuchDevice(deviceUrl ?? ""));
        var list = restrictions ?? [];
        if (list.Count > MaxRestrictions) throw Bad($"at most {MaxRestrictions} stateRestrictions");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { StateName: { Length: > 0 } } restriction) throw Bad($"stateRestrictions[{i}]: a stateName is needed");
            if (ComparisonValue.From(restriction.StateValue) is null) throw Bad($"stateRestrictions[{i}]: stateValue must be a string, a number or a boolean");
        }
    }
}
