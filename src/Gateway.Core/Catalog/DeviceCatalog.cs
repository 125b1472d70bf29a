using System.Text.Json;
using Gateway.Core.Model;

namespace Gateway.Core.Catalog;

/// <summary>Every kind of device the gateway offers, keyed by controllable name, with its Overkiz definition.</summary>
public sealed class DeviceCatalog
{
    private readonly Dictionary<string, DeviceKind> _kinds;

    private DeviceCatalog(Dictionary<string, DeviceKind> kinds) => _kinds = kinds;

    public IReadOnlyCollection<DeviceKind> Kinds => _kinds.Values;

    public DeviceKind? Find(string controllableName) => _kinds.GetValueOrDefault(controllableName);

    public DeviceKind Get(string controllableName) =>
        Find(controllableName) ?? throw new KeyNotFoundException($"No catalog entry for {controllableName}");

    /// <summary>Loads the catalog shipped inside this assembly.</summary>
    public static DeviceCatalog LoadEmbedded()
    {
        using var stream = typeof(DeviceCatalog).Assembly.GetManifestResourceStream("device-catalog.json")
            ?? throw new InvalidOperationException("device-catalog.json is not embedded");
        return Load(stream);
    }

    public static DeviceCatalog Load(Stream json)
    {
        var document = JsonSerializer.Deserialize(json, CoreJsonContext.Default.CatalogDocument)
            ?? throw new InvalidDataException("Empty device catalog");
        var kinds = new Dictionary<string, DeviceKind>(StringComparer.Ordinal);
        foreach (var entry in document.Devices)
        {
            if (!kinds.TryAdd(entry.ControllableName, DeviceKind.From(entry)))
                throw new InvalidDataException($"Duplicate catalog entry {entry.ControllableName}");
        }
        return new DeviceCatalog(kinds);
    }
}
