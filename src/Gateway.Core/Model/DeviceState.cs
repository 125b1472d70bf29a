using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

/// <summary>One named state value, serialised in the order a box uses: <c>{"type","name","value"}</c>.</summary>
public sealed record DeviceState(
    [property: JsonPropertyName("name"), JsonPropertyOrder(1)] string Name,
    [property: JsonPropertyName("type"), JsonPropertyOrder(0)] StateType Type,
    [property: JsonPropertyName("value"), JsonPropertyOrder(2)] JsonElement Value)
{
    public static DeviceState Of(string name, int value) => new(name, StateType.Int, JsonSerializer.SerializeToElement(value, CoreJsonContext.Default.Int32));
    public static DeviceState Of(string name, double value) => new(name, StateType.Float, JsonSerializer.SerializeToElement(Math.Round(value, 3), CoreJsonContext.Default.Double));
    public static DeviceState Of(string name, string value) => new(name, StateType.String, JsonSerializer.SerializeToElement(value, CoreJsonContext.Default.String));
    public static DeviceState Of(string name, bool value) => new(name, StateType.Boolean, JsonSerializer.SerializeToElement(value, CoreJsonContext.Default.Boolean));

    public bool ValueEquals(DeviceState other) =>
        Type == other.Type && JsonElement.DeepEquals(Value, other.Value);
}
