namespace Gateway.Engine.Automation;

/// <summary>Loads, starts and stops the automation pieces in dependency order (condition groups before the triggers reading them).</summary>
public sealed class AutomationRuntime(ConditionGroupService conditionGroups, TriggerSwitch triggerSwitch, TriggerEngine triggers)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await conditionGroups.LoadAsync(cancellationToken);
        await triggerSwitch.LoadAsync(cancellationToken);
        await triggers.LoadAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => triggers.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => triggers.StopAsync(cancellationToken);
}
