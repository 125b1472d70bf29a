namespace Gateway.Integration.Tests;

/// <summary>One running daemon and a token, shared by the tests of a class.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public DaemonProcess Daemon { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public string GatewayId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var data = DaemonProcess.NewDataDirectory();
        var (exit, stdout, stderr) = await DaemonProcess.RunCommandAsync(data, "token", "create", "--label", "fixture");
        Assert.True(exit == 0, stderr);
        Token = stdout.Trim();
        Daemon = await DaemonProcess.StartAsync(data);
        using var client = Client();
        GatewayId = await client.GatewayIdAsync();
    }

    public HttpClient Client() => Daemon.Client(Token);

    public string Url(string address) => $"sim://{GatewayId}/{address}";

    public async Task DisposeAsync()
    {
        await Daemon.DisposeAsync();
        Directory.Delete(Daemon.DataDirectory, recursive: true);
    }
}
