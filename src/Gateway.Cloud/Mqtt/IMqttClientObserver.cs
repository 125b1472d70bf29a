namespace Gateway.Cloud.Mqtt;

/// <summary>
/// What the client reports. Every method runs on the client's network thread: return quickly and never call back
/// into the client's Dispose from here.
/// </summary>
public interface IMqttClientObserver
{
    void OnConnected(bool sessionPresent);

    void OnDisconnected(int reason);

    void OnMessage(MqttMessage message);
}
