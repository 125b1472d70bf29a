using System.Text.Json;

namespace Gateway.Daemon.Backup;

/// <summary>
/// <c>manifest.json</c>, the first entry of a backup archive: whose backup it is, what reads it, a digest of every
/// other entry so a damaged or edited archive is refused before anything is replaced, and what each radio
/// contributed (its network material, in the database's radio_settings, counted per protocol).
/// </summary>
public sealed record BackupManifest(int Format, string GatewayId, DateTimeOffset CreatedAt, int SchemaVersion, string GatewaydVersion,
    IReadOnlyDictionary<string, string> Sha256)
{
    /// <summary>Records of network material per radio protocol (Zigbee network, RTS addresses, EnOcean sender ids …).</summary>
    public IReadOnlyDictionary<string, int> RadioMaterial { get; init; } = new Dictionary<string, int>();

    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";

    public byte[] ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("gatewayId", GatewayId);
            w.WriteString("createdAt", CreatedAt);
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("gatewaydVersion", GatewaydVersion);
            w.WriteStartObject("sha256");
            foreach (var (name, digest) in Sha256) w.WriteString(name, digest);
            w.WriteEndObject();
            w.WriteStartObject("radioMaterial");
            foreach (var (protocol, records) in RadioMaterial) w.WriteNumber(protocol, records);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static BackupManifest Parse(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new BackupManifest(
                root.GetProperty("format").GetInt32(),
                root.GetProperty("gatewayId").GetString()!,
                root.GetProperty("createdAt").GetDateTimeOffset(),
                root.GetProperty("schemaVersion").GetInt32(),
                root.GetProperty("gatewaydVersion").GetString()!,
                root.GetProperty("sha256").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))
            {
                // Absent from archives made before radios listed their material.
                RadioMaterial = root.TryGetProperty("radioMaterial", out var material)
                    ? material.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())
                    : new Dictionary<string, int>(),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BackupRefusedException("the archive's manifest.json is not a gatewayd backup manifest");
        }
    }
}
