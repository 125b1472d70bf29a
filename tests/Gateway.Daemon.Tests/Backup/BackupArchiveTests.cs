using Gateway.Core.Model;
using Gateway.Daemon.Backup;
using Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Daemon.Tests.Backup;

public class BackupArchiveTests
{
    [Fact]
    public async Task The_manifest_lists_each_radios_network_material_and_survives_the_round_trip()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("gatewayd-backup-test-").FullName;
        var unpacked = Path.Combine(dataDirectory, "unpacked");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dataDirectory, BackupArchive.CertificateEntry), [1, 2, 3]);
            await using var database = await SqliteDatabase.OpenAsync(dataDirectory, NullLogger.Instance, default);
            var radioSettings = new SqliteRadioSettingsStore(database);
            await radioSettings.SetAsync("rts", "channel/1", "{}", default);
            await radioSettings.SetAsync("rts", "channel/2", "{}", default);
            await radioSettings.SetAsync("zigbee", "network", "{}", default);

            using var archive = new MemoryStream();
            await BackupArchive.WriteAsync(archive, database, new SetupIdentity("1234-5678-9012", "setup", "place", 0), dataDirectory, "1.0.0", TimeProvider.System, default);
            archive.Position = 0;
            var manifest = await BackupArchive.ExtractAsync(archive, unpacked, default);

            Assert.Equal(new Dictionary<string, int> { ["rts"] = 2, ["zigbee"] = 1 }, manifest.RadioMaterial);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
