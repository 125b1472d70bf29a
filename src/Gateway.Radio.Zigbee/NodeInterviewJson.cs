using System.Buffers;
using System.Text;
using System.Text.Json;
using Gateway.Radio.Zigbee.Protocol.Commands;

namespace Gateway.Radio.Zigbee;

/// <summary>An interviewed node as the radio stores it, so a restart does not interview it again.</summary>
public static class NodeInterviewJson
{
    public static string Write(NodeInterview node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("nwk", node.NetworkAddress);
            json.WriteNumber("logicalType", (byte)node.LogicalType);
            json.WriteNumber("manufacturerCode", node.ManufacturerCode);
            json.WriteBoolean("mains", node.MainsPowered);
            json.WriteStartArray("endpoints");
            foreach (var e in node.Endpoints)
            {
                json.WriteStartObject();
                json.WriteNumber("endpoint", e.Endpoint);
                json.WriteNumber("profile", e.ProfileId);
                json.WriteNumber("device", e.DeviceId);
                json.WriteNumber("version", e.DeviceVersion);
                json.WriteStartArray("in");
                foreach (var c in e.InClusters) json.WriteNumberValue(c);
                json.WriteEndArray();
                json.WriteStartArray("out");
                foreach (var c in e.OutClusters) json.WriteNumberValue(c);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Null when the text is not a stored node (a damaged row is interviewed again rather than crash the radio).</summary>
    public static NodeInterview? TryParse(ulong ieee, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var endpoints = root.GetProperty("endpoints").EnumerateArray().Select(e => new SimpleDescriptor(
                e.GetProperty("endpoint").GetByte(), e.GetProperty("profile").GetUInt16(), e.GetProperty("device").GetUInt16(), e.GetProperty("version").GetByte(),
                [.. e.GetProperty("in").EnumerateArray().Select(c => c.GetUInt16())], [.. e.GetProperty("out").EnumerateArray().Select(c => c.GetUInt16())])).ToList();
            return new NodeInterview(ieee, root.GetProperty("nwk").GetUInt16(), (ZigbeeLogicalType)root.GetProperty("logicalType").GetByte(),
                root.GetProperty("manufacturerCode").GetUInt16(), root.GetProperty("mains").GetBoolean(), endpoints);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
