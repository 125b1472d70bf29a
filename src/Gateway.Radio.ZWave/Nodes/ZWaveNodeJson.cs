using System.Text;
using System.Text.Json;

namespace Gateway.Radio.ZWave.Nodes;

/// <summary>A node as stored in the radio settings store (JSON written and read by hand, AOT-safe).</summary>
public static class ZWaveNodeJson
{
    public static string Write(ZWaveNode node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("nodeId", node.NodeId);
            json.WriteBoolean("listening", node.Listening);
            json.WriteNumber("basic", node.Basic);
            json.WriteNumber("generic", node.Generic);
            json.WriteNumber("specific", node.Specific);
            json.WriteString("commandClasses", Convert.ToHexString([.. node.CommandClasses]));
            json.WriteString("notificationTypes", Convert.ToHexString([.. node.NotificationTypes]));
            if (node.ManufacturerId is { } manufacturer) json.WriteNumber("manufacturerId", manufacturer);
            if (node.ProductType is { } type) json.WriteNumber("productType", type);
            if (node.ProductId is { } id) json.WriteNumber("productId", id);
            if (node.ApplicationVersion is { } version) json.WriteString("applicationVersion", version);
            if (node.Refused is { } refused) json.WriteString("refused", refused);
            if (node.MeterResettable) json.WriteBoolean("meterResettable", true);
            if (node.LifelineSet) json.WriteBoolean("lifelineSet", true);
            if (node.WakeUpIntervalSeconds is { } interval) json.WriteNumber("wakeUpInterval", interval);
            if (node.Endpoints.Count > 0)
            {
                json.WriteStartArray("endpoints");
                foreach (var endpoint in node.Endpoints)
                {
                    json.WriteStartObject();
                    json.WriteNumber("index", endpoint.Index);
                    json.WriteNumber("generic", endpoint.Generic);
                    json.WriteNumber("specific", endpoint.Specific);
                    json.WriteString("commandClasses", Convert.ToHexString([.. endpoint.CommandClasses]));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ZWaveEndpoint ReadEndpoint(JsonElement e) => new(e.GetProperty("index").GetByte(), e.GetProperty("generic").GetByte(),
        e.GetProperty("specific").GetByte(), Convert.FromHexString(e.GetProperty("commandClasses").GetString() ?? ""));

    /// <summary>The stored node, or null when the text is not one.</summary>
    public static ZWaveNode? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return new ZWaveNode(root.GetProperty("nodeId").GetByte(), root.GetProperty("listening").GetBoolean(), root.GetProperty("basic").GetByte(),
                root.GetProperty("generic").GetByte(), root.GetProperty("specific").GetByte(), Convert.FromHexString(root.GetProperty("commandClasses").GetString() ?? ""))
            {
                NotificationTypes = Convert.FromHexString(root.TryGetProperty("notificationTypes", out var n) ? n.GetString() ?? "" : ""),
                ManufacturerId = root.TryGetProperty("manufacturerId", out var m) ? m.GetUInt16() : null,
                ProductType = root.TryGetProperty("productType", out var t) ? t.GetUInt16() : null,
                ProductId = root.TryGetProperty("productId", out var p) ? p.GetUInt16() : null,
                ApplicationVersion = root.TryGetProperty("applicationVersion", out var v) ? v.GetString() : null,
                Refused = root.TryGetProperty("refused", out var r) ? r.GetString() : null,
                MeterResettable = root.TryGetProperty("meterResettable", out var mr) && mr.GetBoolean(),
                LifelineSet = root.TryGetProperty("lifelineSet", out var ls) && ls.GetBoolean(),
                WakeUpIntervalSeconds = root.TryGetProperty("wakeUpInterval", out var w) ? w.GetInt32() : null,
                Endpoints = root.TryGetProperty("endpoints", out var e) ? [.. e.EnumerateArray().Select(ReadEndpoint)] : [],
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
