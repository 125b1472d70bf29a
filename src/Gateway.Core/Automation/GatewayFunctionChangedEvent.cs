using System.Text.Json.Serialization;
using Gateway.Core.Events;

namespace Gateway.Core.Automation;

/// <summary>A gateway-wide function was switched on or off; function type 1 is "triggers run" (PUT /triggers/status).</summary>
public sealed record GatewayFunctionChangedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("gatewayId")] string GatewayId,
    [property: JsonPropertyName("functionType")] int FunctionType,
    [property: JsonPropertyName("enabled")] bool Enabled) : GatewayEvent
{
    public const int Triggers = 1;

    public override string Name => "GatewayFunctionChangedEvent";
}
