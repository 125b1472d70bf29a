namespace Gateway.Cloud.Mqtt;

/// <summary>A libmosquitto call failed with <see cref="Code"/> (a MOSQ_ERR_* value).</summary>
public sealed class MqttException(string operation, int code, string text) : Exception($"{operation} failed: {text} ({code})")
{
    public int Code { get; } = code;
}
