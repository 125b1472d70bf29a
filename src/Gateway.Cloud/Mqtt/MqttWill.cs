namespace Gateway.Cloud.Mqtt;

public sealed record MqttWill(string Topic, byte[] Payload, bool Retain);
