using Gateway.Daemon.Reset;

namespace Gateway.Daemon.Tests;

public class FactoryResetTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("gatewayd-reset-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private void Write(string relative)
    {
        var path = Path.Combine(_data, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
    }

    [Fact]
    public void Without_a_request_nothing_is_touched()
    {
        Write("gateway.db");
        Write("api-certificate.pfx");

        Assert.Null(FactoryReset.ApplyIfRequested(_data));

        Assert.True(File.Exists(Path.Combine(_data, "gateway.db")));
        Assert.True(File.Exists(Path.Combine(_data, "api-certificate.pfx")));
    }

    [Fact]
    public void A_requested_reset_wipes_database_certificate_logs_and_restore_leftovers_and_keeps_the_lock()
    {
        foreach (var file in new[] { "gateway.db", "gateway.db-wal", "api-certificate.pfx", "cloud-outbox.db", "logs/gatewayd-20261205.log",
                     "replaced-20261201120000/gateway.db", "restore/manifest.json", "gatewayd.lock", "gatewayd.pid" })
            Write(file);
        FactoryReset.Request(_data);

        var removed = FactoryReset.ApplyIfRequested(_data);

        Assert.NotNull(removed);
        Assert.Contains("gateway.db", removed);
        Assert.Contains("logs/", removed);
        Assert.Equal(new[] { "gatewayd.lock", "gatewayd.pid" }, Directory.EnumerateFiles(_data).Select(f => Path.GetFileName(f))
            .Where(n => !n.StartsWith(FactoryReset.LeftoverDatabaseName, StringComparison.Ordinal)).Order());
        Assert.Empty(Directory.EnumerateDirectories(_data));
        Assert.False(FactoryReset.IsRequested(_data));
    }

    [Fact]
    public void The_old_database_is_gone_once_the_new_one_is_open()
    {
        Write("gateway.db");
        FactoryReset.Request(_data);
        FactoryReset.ApplyIfRequested(_data);
        Assert.True(File.Exists(Path.Combine(_data, FactoryReset.LeftoverDatabaseName)));
        Write("gateway.db"); // what the daemon creates at its start

        FactoryReset.CompleteAfterOpen(_data, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.False(File.Exists(Path.Combine(_data, FactoryReset.LeftoverDatabaseName)));
    }
}
