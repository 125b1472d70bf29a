using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// One node of a condition tree as the API carries it: an object with exactly one member naming its kind.
/// <c>notBlock</c> (one sub-block) and <c>conditionGroupReference</c> are this gateway's additions; <c>controllable</c>
/// is the condition-group shape (every device of the named kinds).
/// </summary>
public sealed record ConditionBlock
{
    [JsonPropertyName("andBlock"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompositeConditionBlock? AndBlock { get; init; }

    [JsonPropertyName("orBlock"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompositeConditionBlock? OrBlock { get; init; }

    [JsonPropertyName("notBlock"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompositeConditionBlock? NotBlock { get; init; }

    [JsonPropertyName("staticDeviceStateCondition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DeviceStateCondition? StaticDeviceStateCondition { get; init; }

    [JsonPropertyName("dualDeviceStateCondition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DualDeviceStateCondition? DualDeviceStateCondition { get; init; }

    [JsonPropertyName("atLeastOneDeviceStateCondition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MultiDeviceStateCondition? AtLeastOneDeviceStateCondition { get; init; }

    [JsonPropertyName("allDevicesStateCondition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MultiDeviceStateCondition? AllDevicesStateCondition { get; init; }

    [JsonPropertyName("controllable"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ControllableCondition? Controllable { get; init; }

    [JsonPropertyName("conditionGroupReference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConditionGroupReference? ConditionGroupReference { get; init; }

    /// <summary>The JSON member names this gateway evaluates.</summary>
    public static readonly IReadOnlySet<string> SupportedKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "andBlock", "orBlock", "notBlock", "staticDeviceStateCondition", "dualDeviceStateCondition", "atLeastOneDeviceStateCondition",
        "allDevicesStateCondition", "controllable", "conditionGroupReference",
    };
}
