using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>ActionGroupCreatedEvent, ActionGroupUpdatedEvent or ActionGroupDeletedEvent.</summary>
public sealed record ActionGroupEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("actionGroupOID")] string ActionGroupOid,
    [property: JsonPropertyName("actionGroupLabel"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActionGroupLabel,
    [property: JsonIgnore] string Change) : GatewayEvent
{
    public override string Name => $"ActionGroup{Change}Event";
}
