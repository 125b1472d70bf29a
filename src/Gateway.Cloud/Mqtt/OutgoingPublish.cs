namespace Gateway.Cloud.Mqtt;

/// <summary>
/// A QoS 1 publish on its way: queued by any thread, then handed to libmosquitto by the network loop, which records its
/// message id. <see cref="Completion"/> is set for <see cref="MqttClient.PublishAsync"/>; otherwise <see cref="Tag"/>
/// goes to <see cref="MqttClient.Acknowledged"/>.
/// </summary>
internal readonly record struct OutgoingPublish(string Topic, byte[] Payload, bool Retain, long Tag, TaskCompletionSource<int>? Completion)
{
    /// <summary>libmosquitto's message id once sent; 0 for a message libmosquitto refused (it never uses 0).</summary>
    public int Mid { get; init; }

    /// <summary>For a refused message: <see cref="MqttReasonCode.NotSent"/> plus libmosquitto's error code.</summary>
    public int Failure { get; init; }
}
