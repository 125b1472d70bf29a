namespace Gateway.Cloud.Mqtt;

/// <summary>A received message, copied out of libmosquitto's buffers.</summary>
public sealed record MqttMessage(string Topic, byte[] Payload, bool Retained);
