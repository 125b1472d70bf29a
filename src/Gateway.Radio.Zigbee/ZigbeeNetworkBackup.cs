using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// The network backup in zigpy's open coordinator backup format (also read by zigbee-herdsman): PAN ID, extended
/// PAN ID, channel, network key with its frame counter, coordinator IEEE. Addresses are big-endian hex as tools show
/// them. The gateway keeps its stored network in this same form.
/// </summary>
public static class ZigbeeNetworkBackup
{
    public const string Format = "zigpy/open-coordinator-backup";

    /// <summary>
    /// A restored coordinator must send frame counters its devices have not seen yet; zigpy advances the stored
    /// counter by this much on restore to cover what was sent after the backup was taken.
    /// </summary>
    public const uint FrameCounterMargin = 5000;

    public static string Write(CoordinatorNetwork network, DateTimeOffset createdAt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var p = network.Parameters;
            json.WriteStartObject();
            json.WriteStartObject("metadata");
            json.WriteString("format", Format);
            json.WriteNumber("version", 1);
            json.WriteString("source", "gatewayd");
            json.WriteStartObject("internal");
            json.WriteString("creation_time", createdAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("coordinator_ieee", Hex64(network.CoordinatorIeee));
            json.WriteString("pan_id", p.PanId.ToString("x4", CultureInfo.InvariantCulture));
            json.WriteString("extended_pan_id", Hex64(p.ExtendedPanId));
            json.WriteNumber("nwk_update_id", 0);
            json.WriteNumber("security_level", 5);
            json.WriteNumber("channel", p.Channel);
            json.WriteStartArray("channel_mask");
            json.WriteNumberValue(p.Channel);
            json.WriteEndArray();
            json.WriteStartObject("network_key");
            json.WriteString("key", Convert.ToHexStringLower(p.NetworkKey));
            json.WriteNumber("sequence_number", 0);
            json.WriteNumber("frame_counter", network.FrameCounter ?? 0);
            json.WriteEndObject();
            json.WriteStartArray("devices");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a backup; <see cref="FormatException"/> names what is missing or malformed.</summary>
    public static CoordinatorNetwork Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the backup is not JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("the backup must be a JSON object");
            var ieee = ParseHex(String(root, "coordinator_ieee"), 16, "coordinator_ieee");
            var panId = (ushort)ParseHex(String(root, "pan_id"), 4, "pan_id");
            var extended = ParseHex(String(root, "extended_pan_id"), 16, "extended_pan_id");
            if (!root.TryGetProperty("channel", out var c) || !c.TryGetInt32(out var channel) || channel is < 11 or > 26)
                throw new FormatException("channel must be a number from 11 to 26");
            if (!root.TryGetProperty("network_key", out var key) || key.ValueKind != JsonValueKind.Object) throw new FormatException("network_key is missing");
            var keyHex = String(key, "key");
            if (keyHex.Length != 32 || !keyHex.All(char.IsAsciiHexDigit)) throw new FormatException("network_key.key must be 32 hex digits");
            uint? counter = key.TryGetProperty("frame_counter", out var f) && f.TryGetUInt32(out var value) ? value : null;
            return new CoordinatorNetwork(ieee, new NetworkParameters(panId, extended, channel, Convert.FromHexString(keyHex)), counter);
        }
    }

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"{name} is missing");

    private static ulong ParseHex(string text, int digits, string name)
    {
        var clean = text.Replace(":", "", StringComparison.Ordinal);
        if (clean.Length != digits || !ulong.TryParse(clean, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"{name} must be {digits} hex digits");
        return value;
    }

    private static string Hex64(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);
}
