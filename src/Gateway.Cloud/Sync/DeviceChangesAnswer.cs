using System.Text.Json;
using Gateway.Core.Json;
using Gateway.Core.Model;

namespace Gateway.Cloud.Sync;

/// <summary>
/// The answer to a "changes since cursor" request: the devices whose values changed after <c>since</c> (ms since the
/// epoch), oldest change first, each with its states and their update time, at most <see cref="MaxDevices"/> per answer
/// (more when several devices share the last update time, so a page never splits one millisecond), a cursor to ask
/// from next, and whether more is waiting.
/// </summary>
public static class DeviceChangesAnswer
{
    public const int MaxDevices = 500;

    public static void Write(Utf8JsonWriter json, IReadOnlyList<Device> devices, long since, int limit)
    {
        limit = Math.Clamp(limit, 1, MaxDevices);
        var changed = devices.Where(d => d.LastUpdateTime > since)
            .OrderBy(d => d.LastUpdateTime).ThenBy(d => d.DeviceUrl, StringComparer.Ordinal).ToList();
        var count = Math.Min(limit, changed.Count);
        while (count > 0 && count < changed.Count && changed[count].LastUpdateTime == changed[count - 1].LastUpdateTime) count++;
        json.WriteStartObject();
        json.WriteNumber("retCode", 0);
        json.WriteNumber("cursor", count == 0 ? since : changed[count - 1].LastUpdateTime);
        json.WriteBoolean("more", count < changed.Count);
        json.WriteStartArray("devices");
        foreach (var device in changed.Take(count))
        {
            json.WriteStartObject();
            json.WriteString("deviceURL", device.DeviceUrl);
            json.WriteNumber("updTime", device.LastUpdateTime);
            json.WritePropertyName("deviceStates");
            JsonSerializer.Serialize(json, device.States, GatewayJsonContext.Relaxed.IReadOnlyListDeviceState);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
