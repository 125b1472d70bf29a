using System.Text.Json;
using Gateway.Core.Events;

namespace Gateway.Core.Json;

public static class EventJson
{
    /// <summary>The JSON object of one event, exactly as listeners and the cloud receive it.</summary>
    public static byte[] Serialize(GatewayEvent gatewayEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(gatewayEvent, gatewayEvent.GetType(), GatewayJsonContext.Relaxed);
}
