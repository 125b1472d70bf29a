using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Integration.Tests;

/// <summary>Issue 13: gatewayctl backup from a running gateway, restore onto another one.</summary>
public class GatewayctlBackupTests
{
    [Fact]
    public async Task A_restored_backup_brings_back_the_identity_devices_states_and_tokens()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"gatewayd-backup-{Guid.NewGuid():N}.tar.gz");
        try
        {
            string gatewayId, shutter, token;
            await using (var original = await DaemonProcess.StartAsync())
            {
                token = await original.CreateTokenAsync("kept");
                gatewayId = await GatewayIdAsync(original);
                shutter = await ShutterAsync(original);
                Assert.Equal(0, (await Ctl(original, "exec", shutter, "setClosure", "40")).ExitCode);

                var (exit, _, stderr) = await Ctl(original, "backup", archive);

                Assert.True(exit == 0, stderr);
                Assert.True(new FileInfo(archive).Length > 0);
            }

            await using var replacement = await DaemonProcess.StartAsync();
            Assert.NotEqual(gatewayId, await GatewayIdAsync(replacement));

            var (restoreExit, restoreOut, restoreErrors) = await Ctl(replacement, "restore", archive, "--yes", "--no-wait");

            Assert.True(restoreExit == 0, restoreErrors);
            Assert.Contains(gatewayId, restoreOut);
            await WaitForExitAsync(replacement);
            Assert.Equal(75, replacement.ExitCode);
            await replacement.StartAsync();
            Assert.Equal(gatewayId, await GatewayIdAsync(replacement));
            Assert.Equal(40, await ClosureAsync(replacement, shutter));
            using var client = replacement.Client(token);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("setup/devices")).StatusCode);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task A_newer_damaged_or_foreign_archive_is_refused_and_the_gateway_keeps_running()
    {
        var folder = Directory.CreateTempSubdirectory("gatewayd-backups-").FullName;
        try
        {
            await using var daemon = await DaemonProcess.StartAsync();
            var gatewayId = await GatewayIdAsync(daemon);
            var good = Path.Combine(folder, "good.tar.gz");
            Assert.Equal(0, (await Ctl(daemon, "backup", good)).ExitCode);
            var newer = Path.Combine(folder, "newer.tar.gz");
            await RewriteAsync(good, newer, (name, bytes) =>
            {
                if (name != "manifest.json") return bytes;
                var manifest = JsonNode.Parse(bytes)!;
                manifest["schemaVersion"] = 999;
                return JsonSerializer.SerializeToUtf8Bytes(manifest, JsonSerializerOptions.Default);
            });
            var damaged = Path.Combine(folder, "damaged.tar.gz");
            await RewriteAsync(good, damaged, (name, bytes) => name == "gateway.db" ? [.. bytes.Take(bytes.Length / 2)] : bytes);
            var foreign = Path.Combine(folder, "foreign.tar.gz");
            await File.WriteAllTextAsync(foreign, "not an archive");

            foreach (var (file, expected) in new[] { (newer, "newer than this gatewayd"), (damaged, "damaged"), (foreign, "not a gatewayd backup") })
            {
                var (exit, _, stderr) = await Ctl(daemon, "restore", file, "--yes", "--no-wait");
                Assert.Equal(1, exit);
                Assert.Contains(expected, stderr);
            }
            Assert.Null(daemon.ExitCode);
            Assert.Equal(gatewayId, await GatewayIdAsync(daemon));
            Assert.False(Directory.Exists(Path.Combine(daemon.DataDirectory, "restore")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_without_confirmation_from_a_script_changes_nothing()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"gatewayd-backup-{Guid.NewGuid():N}.tar.gz");
        try
        {
            await using var daemon = await DaemonProcess.StartAsync();
            Assert.Equal(0, (await Ctl(daemon, "backup", archive)).ExitCode);

            var (exit, _, stderr) = await Ctl(daemon, "restore", archive);

            Assert.Equal(1, exit);
            Assert.Contains("--yes", stderr);
            Assert.Null(daemon.ExitCode);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Ctl(DaemonProcess daemon, params string[] arguments) =>
        GatewayctlBinary.RunAsync(["--data-dir", daemon.DataDirectory, .. arguments]);

    private static async Task<string> GatewayIdAsync(DaemonProcess daemon)
    {
        var (exit, stdout, stderr) = await Ctl(daemon, "status", "--json");
        Assert.True(exit == 0, stderr);
        using var status = JsonDocument.Parse(stdout);
        return status.RootElement.GetProperty("gatewayId").GetString()!;
    }

    private static async Task<string> ShutterAsync(DaemonProcess daemon)
    {
        var (_, stdout, _) = await Ctl(daemon, "devices", "--json");
        using var devices = JsonDocument.Parse(stdout);
        return devices.RootElement.EnumerateArray()
            .First(d => d.GetProperty("controllableName").GetString() == "io:RollerShutterGenericIOComponent")
            .GetProperty("deviceURL").GetString()!;
    }

    private static async Task<int> ClosureAsync(DaemonProcess daemon, string url)
    {
        var (exit, stdout, stderr) = await Ctl(daemon, "device", url, "--json");
        Assert.True(exit == 0, stderr);
        using var device = JsonDocument.Parse(stdout);
        return device.RootElement.GetProperty("states").EnumerateArray()
            .First(s => s.GetProperty("name").GetString() == "core:ClosureState").GetProperty("value").GetInt32();
    }

    private static async Task WaitForExitAsync(DaemonProcess daemon)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (daemon.ExitCode is null) await Task.Delay(50, timeout.Token);
    }

    /// <summary>Copies an archive entry by entry, letting <paramref name="change"/> alter an entry's bytes.</summary>
    private static async Task RewriteAsync(string source, string target, Func<string, byte[], byte[]> change)
    {
        await using var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress);
        await using var reader = new TarReader(input);
        await using var output = new GZipStream(File.Create(target), CompressionLevel.Fastest);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            using var buffer = new MemoryStream();
            await entry.DataStream!.CopyToAsync(buffer);
            var bytes = change(entry.Name, buffer.ToArray());
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry.Name) { DataStream = new MemoryStream(bytes) });
        }
    }
}
