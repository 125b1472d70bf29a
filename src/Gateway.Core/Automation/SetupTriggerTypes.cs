namespace Gateway.Core.Automation;

/// <summary>The trigger types of the Overkiz API, the ones this gateway runs, and the numeric codes its events carry.</summary>
public static class SetupTriggerTypes
{
    public const string IfThen = "ifThenSetupTrigger";
    public const string Discrete = "discreteTrigger";
    public const string GenericCommandScheduling = "genericCommandSchedulingTrigger";
    public const string DelayedCommandsScheduling = "delayedCommandsSchedulingTrigger";

    /// <summary>The numeric <c>setupTriggerType</c> of the events for each type this gateway runs.</summary>
    public const int IfThenCode = 1;
    public const int DiscreteCode = 2;
    public const int GenericCommandSchedulingCode = 3;
    public const int DelayedCommandsSchedulingCode = 4;

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "genericStateRegulationTrigger", "ovpThermostatRegulationTrigger", GenericCommandScheduling,
        "genericPointToPointRegulationTrigger", Discrete, "sensorThreshold", IfThen,
        DelayedCommandsScheduling, "discreteSensorTrigger", "eventTrigger", "delayedCommandSchedulingTrigger",
    };

    /// <summary>The types this gateway runs; the others are refused with a 400 naming them.</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        IfThen, Discrete, GenericCommandScheduling, DelayedCommandsScheduling,
    };
}
