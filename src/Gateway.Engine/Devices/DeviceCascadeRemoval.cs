using System.Text.Json;
using Gateway.Core.ActionGroups;
using Gateway.Core.Automation;
using Gateway.Core.Calendars;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;
using Gateway.Engine.Calendars;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Devices;

/// <summary>
/// POST …/_deleteCascade: removes a device (its radio told first, as <see cref="DeviceRemoval"/> does) and then
/// everything that would be left pointing at it: its actions leave the action groups (a group left with no action
/// is deleted), calendar-day triggers running a deleted group or an inline group on the device go (a day left empty
/// is deleted when asked), and triggers that watch the device, command it, or run a deleted group are deleted.
/// Ends with SetupJobCompletedEvent (or SetupJobFailedEvent) carrying the job's id. One cascade at a time.
/// </summary>
public sealed class DeviceCascadeRemoval(
    DeviceRemoval removal,
    ActionGroupService actionGroups,
    TriggerCatalog triggers,
    CalendarService calendars,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    ILogger<DeviceCascadeRemoval> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>What the cascade changed, for the log and the tests.</summary>
    public sealed record Outcome(string JobId, IReadOnlyList<string> UpdatedGroups, IReadOnlyList<string> DeletedGroups,
        IReadOnlyList<string> DeletedTriggers, IReadOnlyList<string> UpdatedDays, IReadOnlyList<string> DeletedDays);

    /// <summary>
    /// Removes the devices (the one asked for first, then e.g. its other subsystems) and their references; null when
    /// the first is no device; throws as <see cref="DeviceRemoval.RemoveAsync"/> when a radio refuses.
    /// </summary>
    public async Task<Outcome?> RemoveAsync(IReadOnlyList<string> deviceUrls, bool forced, bool deleteEmptyCalendarDays, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var jobId = Guid.NewGuid().ToString();
        try
        {
            var removed = new List<string>();
            foreach (var url in deviceUrls)
                if (await removal.RemoveAsync(url, forced, cancellationToken)) removed.Add(url);
            if (removed.Count == 0 || removed[0] != deviceUrls[0]) return null;
            var outcome = await CleanUpAsync(jobId, removed.ToHashSet(StringComparer.Ordinal), deleteEmptyCalendarDays, cancellationToken);
            logger.LogInformation("Device {DeviceUrl} removed with its references: {Groups} group(s) updated, {DeletedGroups} deleted, {Triggers} trigger(s) deleted, {Days} calendar day(s) updated, {DeletedDays} deleted",
                string.Join(", ", removed), outcome.UpdatedGroups.Count, outcome.DeletedGroups.Count, outcome.DeletedTriggers.Count, outcome.UpdatedDays.Count, outcome.DeletedDays.Count);
            bus.Publish(new SetupJobCompletedEvent(Now(), identity.SetupOid, jobId));
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            bus.Publish(new SetupJobFailedEvent(Now(), identity.SetupOid, jobId));
            throw;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<Outcome> CleanUpAsync(string jobId, HashSet<string> deviceUrls, bool deleteEmptyDays, CancellationToken cancellationToken)
    {
        var updatedGroups = new List<string>();
        var deletedGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in actionGroups.All().Where(g => g.Actions.Any(a => deviceUrls.Contains(a.DeviceUrl))))
        {
            var remaining = group.Actions.Where(a => !deviceUrls.Contains(a.DeviceUrl)).ToList();
            if (remaining.Count == 0)
            {
                await actionGroups.DeleteAsync(group.Oid, cancellationToken);
                deletedGroups.Add(group.Oid);
            }
            else
            {
                await actionGroups.UpdateAsync(group.Oid, DraftOf(group, remaining), cancellationToken);
                updatedGroups.Add(group.Oid);
            }
        }

        var deletedTriggers = new List<string>();
        foreach (var trigger in triggers.All(null))
        {
            var json = JsonSerializer.Serialize(trigger, AutomationJsonContext.Default.SetupTriggerEnvelope);
            if (trigger.Oid is not { } oid || !(deviceUrls.Any(u => Mentions(json, u)) || deletedGroups.Any(g => Mentions(json, g)))) continue;
            await triggers.DeleteAsync(TypeOf(trigger), oid, cancellationToken);
            deletedTriggers.Add(oid);
        }

        var updatedDays = new List<string>();
        var deletedDays = new List<string>();
        foreach (var day in calendars.Days())
        {
            var kept = (day.DayTimeTriggers ?? []).Where(t => !Affected(t.StartActionGroupTimeTrigger, deviceUrls, deletedGroups)).ToList();
            if (kept.Count == (day.DayTimeTriggers?.Count ?? 0)) continue;
            if (kept.Count == 0 && deleteEmptyDays && !calendars.Rules().Any(r => r.CalendarDayOid == day.Oid))
            {
                await calendars.DeleteDayAsync(day.Oid!, cancellationToken);
                deletedDays.Add(day.Oid!);
                continue;
            }
            await calendars.UpdateDayAsync(day with { DayTimeTriggers = kept }, cancellationToken);
            updatedDays.Add(day.Oid!);
        }
        return new Outcome(jobId, updatedGroups, [.. deletedGroups], deletedTriggers, updatedDays, deletedDays);
    }

    private static bool Affected(TimeTrigger? trigger, HashSet<string> deviceUrls, HashSet<string> deletedGroups) =>
        trigger is not null
        && ((trigger.ActionGroupOid is { } oid && deletedGroups.Contains(oid))
            || (trigger.LocalActionGroup is { } local && deviceUrls.Any(u => Mentions(local.GetRawText(), u))));

    /// <summary>Whether a JSON document holds the string as one of its values (not merely as part of a longer one).</summary>
    private static bool Mentions(string json, string value) =>
        json.Contains('"' + value + '"', StringComparison.Ordinal)
        || json.Contains('"' + JsonEncodedText.Encode(value).ToString() + '"', StringComparison.Ordinal);

    private static string TypeOf(SetupTriggerEnvelope trigger) => trigger switch
    {
        { IfThen: not null } => SetupTriggerTypes.IfThen,
        { Discrete: not null } => SetupTriggerTypes.Discrete,
        { GenericCommandScheduling: not null } => SetupTriggerTypes.GenericCommandScheduling,
        _ => SetupTriggerTypes.DelayedCommandsScheduling,
    };

    private static ActionGroupDraft DraftOf(ActionGroup group, IReadOnlyList<Gateway.Core.Executions.ActionRecord> actions) =>
        new(group.Label, actions, group.Metadata, group.Shortcut, group.NotificationTypeMask, group.NotificationCondition, group.NotificationText, group.NotificationTitle);

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
