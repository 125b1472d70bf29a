namespace Gateway.Integration.Tests;

/// <summary>One daemon for the push-stream tests: a one-second heartbeat so it shows quickly, a replay window that holds a test's events.</summary>
public sealed class EventStreamGateway : IAsyncLifetime
{
    public const int ClientQueueCapacity = 1024;

    public DaemonProcess Daemon { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public string GatewayId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var data = DaemonProcess.NewDataDirectory();
        var (exit, stdout, stderr) = await DaemonProcess.RunCommandAsync(data, "token", "create", "--label", "streams");
        Assert.True(exit == 0, stderr);
        Token = stdout.Trim();
        Daemon = await DaemonProcess.StartAsync(data, "--Gateway:EventStream:HeartbeatSeconds=1",
            $"--Gateway:EventStream:ClientQueueCapacity={ClientQueueCapacity}", "--Gateway:EventStream:ReplayWindow=2000");
        using var client = Client();
        GatewayId = await client.GatewayIdAsync();
    }

    public HttpClient Client() => Daemon.Client(Token);

    /// <summary>A client for long-lived streams: no overall timeout (each read has its own).</summary>
    public HttpClient StreamClient(string? token = null)
    {
        var client = Daemon.Client(token ?? Token);
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    public string Url(string address) => $"sim://{GatewayId}/{address}";

    public Uri WebSocketUri => new($"wss://127.0.0.1:{Daemon.Port}/enduser-mobile-web/1/enduserAPI/events/stream");

    public async Task DisposeAsync()
    {
        await Daemon.DisposeAsync();
        Directory.Delete(Daemon.DataDirectory, recursive: true);
    }
}
