namespace Gateway.Core.Executions;

/// <summary>
/// What started an execution, in the box's own words: <c>executionType</c>/<c>executionSubType</c> of the current
/// executions and <c>type</c>/<c>subType</c> of the history. Clients show them ("scheduled", "dusk", "trigger").
/// </summary>
public sealed record ExecutionKind(string Type, string SubType)
{
    public const string ImmediateType = "Immediate execution";
    public const string DelayedType = "Delayed execution";
    public const string PlanningType = "Weekly planning";
    public const string GatewayTriggerType = "Raw trigger (Gateway)";

    /// <summary>A client asked for it now (exec/apply, exec/{oid}, a trigger or calendar test).</summary>
    public static readonly ExecutionKind Manual = new(ImmediateType, "MANUAL_CONTROL");

    /// <summary>An action group scheduled for a later time (exec/schedule).</summary>
    public static readonly ExecutionKind Delayed = new(DelayedType, "MANUAL_CONTROL");

    /// <summary>A time-of-day, dawn or dusk trigger of the calendar.</summary>
    public static ExecutionKind Planning(string timeTriggerType) => timeTriggerType switch
    {
        "DAWN" => new(PlanningType, "DAWN_TRIGGER"),
        "DUSK" => new(PlanningType, "DUSK_TRIGGER"),
        _ => new(PlanningType, "TIME_TRIGGER"),
    };

    /// <summary>A state condition trigger evaluated on the gateway.</summary>
    public static readonly ExecutionKind ConditionTrigger = new(GatewayTriggerType, "IFT_CONDITION");

    /// <summary>A discrete trigger (one effect per value of a state).</summary>
    public static readonly ExecutionKind DiscreteTrigger = new(GatewayTriggerType, "DISCRETE_TRIGGER");

    /// <summary>A daily or one-shot command-scheduling trigger.</summary>
    public static readonly ExecutionKind CommandScheduling = new(GatewayTriggerType, "GENERIC_COMMAND_SCHEDULING");

    /// <summary>The kind stored with an execution, or Manual for rows written before kinds were recorded.</summary>
    public static ExecutionKind FromStored(string? type, string? subType) =>
        string.IsNullOrEmpty(type) || string.IsNullOrEmpty(subType) ? Manual : new(type, subType);
}
