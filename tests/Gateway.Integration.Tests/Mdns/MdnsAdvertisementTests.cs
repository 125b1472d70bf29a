using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gateway.TestSupport;

namespace Gateway.Integration.Tests.Mdns;

/// <summary>
/// The daemon's own mDNS answer, read by python-zeroconf (what Home Assistant discovers TaHoma boxes with), and a
/// client that checks the API certificate against the host name found that way. The daemon listens on 127.0.0.1,
/// so its responder answers unicast queries there and sends nothing to the network.
/// </summary>
public class MdnsAdvertisementTests
{
    [Fact]
    public async Task Zeroconf_resolves_the_box_with_its_own_pin_version_port_and_host_name()
    {
        var mdnsPort = FreeUdpPort();
        await using var daemon = await DaemonProcess.StartAsync(null, $"--Gateway:Mdns:Port={mdnsPort}");
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        var pin = await client.GatewayIdAsync();
        var version = (await DaemonProcess.RunToExitAsync("--version")).Stdout.Trim().Split(' ')[1];

        var service = Assert.Single((await BrowseAsync(mdnsPort)).GetProperty("services").EnumerateArray());

        Assert.True(service.GetProperty("resolved").GetBoolean());
        Assert.Equal($"gateway-{pin}._kizboxdev._tcp.local.", service.GetProperty("name").GetString());
        Assert.Equal($"gateway-{pin}.local.", service.GetProperty("server").GetString());
        Assert.Equal(daemon.Port, service.GetProperty("port").GetInt32());
        Assert.Contains("127.0.0.1", service.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
        var properties = service.GetProperty("properties");
        Assert.Equal(pin, properties.GetProperty("gateway_pin").GetString());
        Assert.Equal("1", properties.GetProperty("api_version").GetString());
        Assert.Equal(version, properties.GetProperty("fw_version").GetString());
    }

    [Fact]
    public async Task A_client_verifying_the_certificate_by_the_advertised_host_name_connects_and_another_name_is_refused()
    {
        var mdnsPort = FreeUdpPort();
        await using var daemon = await DaemonProcess.StartAsync(null, $"--Gateway:Mdns:Port={mdnsPort}");
        var service = (await BrowseAsync(mdnsPort)).GetProperty("services")[0];
        var host = service.GetProperty("server").GetString()!.TrimEnd('.');
        var address = IPAddress.Parse(service.GetProperty("addresses")[0].GetString()!);
        var port = service.GetProperty("port").GetInt32();

        using var verifying = VerifyingClient(daemon.DataDirectory, address);
        using var response = await verifying.GetAsync($"https://{host}:{port}/enduser-mobile-web/1/enduserAPI/apiVersion");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            verifying.GetAsync($"https://gateway-0000-0000-0000.local:{port}/enduser-mobile-web/1/enduserAPI/apiVersion"));
        Assert.IsType<AuthenticationException>(refused.InnerException, exactMatch: false);
    }

    /// <summary>
    /// Trusts the box's certificate as a root (as a client trusts the vendor's CA for a real box) and otherwise checks
    /// everything, the host name included; every host name connects to <paramref name="address"/>, as mDNS resolved it.
    /// </summary>
    private static HttpClient VerifyingClient(string dataDirectory, IPAddress address)
    {
        using var pfx = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(dataDirectory, "api-certificate.pfx"), null);
        var root = X509CertificateLoader.LoadCertificate(pfx.RawData);
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(root);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task<JsonElement> BrowseAsync(int mdnsPort)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Mdns", "browse_kizboxdev.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, "127.0.0.1", mdnsPort.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"browse_kizboxdev.py failed:\n{await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
