using System.Collections.Concurrent;
using Gateway.Cloud.Mqtt;

namespace Gateway.Cloud.Tests.Mqtt;

internal sealed class RecordingObserver : IMqttClientObserver
{
    public ConcurrentQueue<bool> Connections { get; } = new();
    public ConcurrentQueue<int> Disconnections { get; } = new();
    public ConcurrentQueue<MqttMessage> Messages { get; } = new();
    public Action<bool>? WhenConnected { get; set; }

    public void OnConnected(bool sessionPresent)
    {
        Connections.Enqueue(sessionPresent);
        WhenConnected?.Invoke(sessionPresent);
    }

    public void OnDisconnected(int reason) => Disconnections.Enqueue(reason);

    public void OnMessage(MqttMessage message) => Messages.Enqueue(message);

    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} did not happen within {seconds} s");
            await Task.Delay(20);
        }
    }
}
