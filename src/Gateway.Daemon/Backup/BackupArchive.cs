using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Gateway.Core.Model;
using Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Gateway.Daemon.Backup;

/// <summary>
/// One .tar.gz holding everything that makes this gateway itself: a consistent snapshot of the database (devices,
/// states, tokens, scenes, calendars, triggers, every radio's network material such as the EnOcean base id and the
/// Zigbee network key), the API certificate, and the manifest.
/// </summary>
public static class BackupArchive
{
    public const string DatabaseEntry = SqliteDatabase.FileName;
    public const string CertificateEntry = "api-certificate.pfx";
    private static readonly string[] Entries = [DatabaseEntry, CertificateEntry];

    public static async Task WriteAsync(Stream output, SqliteDatabase database, SetupIdentity identity, string dataDirectory,
        string version, TimeProvider time, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("gatewayd-backup-").FullName;
        try
        {
            await database.SnapshotToAsync(Path.Combine(work, DatabaseEntry), cancellationToken);
            File.Copy(Path.Combine(dataDirectory, CertificateEntry), Path.Combine(work, CertificateEntry));
            var digests = new Dictionary<string, string>();
            foreach (var entry in Entries) digests[entry] = await DigestAsync(Path.Combine(work, entry), cancellationToken);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, identity.GatewayId, time.GetUtcNow(), SqliteDatabase.SchemaVersion, version, digests)
            {
                RadioMaterial = RadioMaterialIn(Path.Combine(work, DatabaseEntry)),
            };
            await File.WriteAllBytesAsync(Path.Combine(work, BackupManifest.EntryName), manifest.ToJson(), cancellationToken);

            await using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
            await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
            foreach (var entry in (string[])[BackupManifest.EntryName, .. Entries])
                await tar.WriteEntryAsync(Path.Combine(work, entry), entry, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Unpacks into <paramref name="folder"/> and checks it; throws <see cref="BackupRefusedException"/> when unusable.</summary>
    public static async Task<BackupManifest> ExtractAsync(Stream input, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        try
        {
            await using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            await using var tar = new TarReader(gzip, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                if (entry.Name is not (BackupManifest.EntryName or DatabaseEntry or CertificateEntry)) continue;
                await entry.ExtractToFileAsync(Path.Combine(folder, entry.Name), overwrite: true, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BackupRefusedException("the file is not a gatewayd backup (not a .tar.gz archive)");
        }

        var manifestPath = Path.Combine(folder, BackupManifest.EntryName);
        if (!File.Exists(manifestPath)) throw new BackupRefusedException("the archive has no manifest.json: not a gatewayd backup");
        var manifest = BackupManifest.Parse(await File.ReadAllBytesAsync(manifestPath, cancellationToken));
        if (manifest.Format > BackupManifest.CurrentFormat)
            throw new BackupRefusedException($"the backup is in format {manifest.Format}, newer than this gatewayd reads ({BackupManifest.CurrentFormat}); update gatewayd first");
        if (manifest.SchemaVersion > SqliteDatabase.SchemaVersion)
            throw new BackupRefusedException($"the backup's database schema {manifest.SchemaVersion} is newer than this gatewayd's ({SqliteDatabase.SchemaVersion}, gatewayd {manifest.GatewaydVersion} made it); update gatewayd first");
        foreach (var entry in Entries)
        {
            var path = Path.Combine(folder, entry);
            if (!File.Exists(path)) throw new BackupRefusedException($"the archive has no {entry}");
            if (!manifest.Sha256.TryGetValue(entry, out var expected) || expected != await DigestAsync(path, cancellationToken))
                throw new BackupRefusedException($"{entry} in the archive does not match its digest in manifest.json: the archive is damaged");
        }
        return manifest;
    }

    /// <summary>Each radio keeps its network material under its protocol in radio_settings; the snapshot holds them all.</summary>
    private static Dictionary<string, int> RadioMaterialIn(string snapshot)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT protocol, count(*) FROM radio_settings GROUP BY protocol ORDER BY protocol";
        using var reader = command.ExecuteReader();
        var material = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) material[reader.GetString(0)] = reader.GetInt32(1);
        return material;
    }

    private static async Task<string> DigestAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
