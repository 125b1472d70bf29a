namespace Gateway.Core.Executions;

/// <summary>The Overkiz failure types the gateway reports, with their numeric codes.</summary>
public sealed record FailureType(string Name, int Code)
{
    public static readonly FailureType NoFailure = new("NO_FAILURE", 0);
    public static readonly FailureType NonExecuting = new("NON_EXECUTING", 11);
    public static readonly FailureType ErrorWhileExecuting = new("ERROR_WHILE_EXECUTING", 12);
    public static readonly FailureType ActuatorUnknown = new("ACTUATORUNKNOWN", 101);
    public static readonly FailureType ActuatorNoAnswer = new("ACTUATORNOANSWER", 102);
    public static readonly FailureType CommandUnknown = new("CMDUNKNOWN", 105);
    public static readonly FailureType CommandCancelled = new("CMDCANCELLED", 106);

    private static readonly FailureType[] All = [NoFailure, NonExecuting, ErrorWhileExecuting, ActuatorUnknown, ActuatorNoAnswer, CommandUnknown, CommandCancelled];

    public static FailureType FromName(string? name) =>
        All.FirstOrDefault(f => f.Name == name) ?? ErrorWhileExecuting;
}
