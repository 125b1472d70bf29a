using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Gateway.Cli.Commands;

/// <summary>Reads what a backup archive says about itself (its manifest.json), to show the technician what it holds.</summary>
public static class ArchiveManifest
{
    /// <summary>Records of network material per radio protocol; empty when the archive lists none.</summary>
    public static IReadOnlyList<(string Protocol, int Records)> RadioMaterial(string archive)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name != "manifest.json" || entry.DataStream is null) continue;
            using var manifest = JsonDocument.Parse(entry.DataStream);
            if (!manifest.RootElement.TryGetProperty("radioMaterial", out var material)) return [];
            return material.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList();
        }
        return [];
    }
}
