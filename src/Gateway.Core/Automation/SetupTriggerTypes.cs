namespace Gateway.Core.Automation;

/// <summary>The trigger types of the Overkiz API, and the one this gateway runs.</summary>
public static class SetupTriggerTypes
{
    public const string IfThen = "ifThenSetupTrigger";

    /// <summary>The numeric <c>setupTriggerType</c> of the events for an if-then trigger.</summary>
    public const int IfThenCode = 1;

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "genericStateRegulationTrigger", "ovpThermostatRegulationTrigger", "genericCommandSchedulingTrigger",
        "genericPointToPointRegulationTrigger", "discreteTrigger", "sensorThreshold", IfThen,
        "delayedCommandsSchedulingTrigger", "discreteSensorTrigger", "eventTrigger", "delayedCommandSchedulingTrigger",
    };
}
