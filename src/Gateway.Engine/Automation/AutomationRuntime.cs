using Gateway.Engine.Automation.CommandScheduling;

namespace Gateway.Engine.Automation;

/// <summary>Loads, starts and stops the automation pieces in dependency order (condition groups before the triggers reading them).</summary>
public sealed class AutomationRuntime(ConditionGroupService conditionGroups, TriggerSwitch triggerSwitch, TriggerEngine triggers, CommandSchedulingTriggerService schedules)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await conditionGroups.LoadAsync(cancellationToken);
        await triggerSwitch.LoadAsync(cancellationToken);
        await triggers.LoadAsync(cancellationToken);
        await schedules.LoadAsync(cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await triggers.StartAsync(cancellationToken);
        await schedules.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await schedules.StopAsync(cancellationToken);
        await triggers.StopAsync(cancellationToken);
    }
}
