using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.TestSupport;

/// <summary>What every harness that runs gatewayd as its own process needs: the built daemon, a free port, a pinned client.</summary>
public static class GatewaydBinary
{
    /// <summary>
    /// Names a published gatewayd executable (e.g. the NativeAOT binary from <c>scripts/publish.sh</c>) to run instead of
    /// <c>dotnet gatewayd.dll</c> from the build output.
    /// </summary>
    public const string BinaryVariable = "GATEWAYD_BINARY";

    /// <summary>
    /// How to start gatewayd with <paramref name="arguments"/>: the executable named by <see cref="BinaryVariable"/>
    /// when it is set, otherwise <c>dotnet gatewayd.dll</c> of the build in the calling assembly's configuration.
    /// Output is redirected.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var published = PublishedBinary();
        var info = new ProcessStartInfo(published ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (published is null) info.ArgumentList.Add(DaemonDll());
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    /// <summary>The executable named by <see cref="BinaryVariable"/> as a full path, or null when the variable is unset or empty.</summary>
    public static string? PublishedBinary()
    {
        var configured = Environment.GetEnvironmentVariable(BinaryVariable);
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var path = Path.GetFullPath(configured);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{BinaryVariable} names no file", path);
    }

    /// <summary>The daemon built in the same configuration as the calling assembly, found from the solution root.</summary>
    public static string DaemonDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gateway.sln"))) root = root.Parent;
        if (root is null) throw new DirectoryNotFoundException("Gateway.sln not found above " + output.FullName);
        var dll = Path.Combine(root.FullName, "src", "Gateway.Daemon", "bin", configuration, "net10.0", "gatewayd.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the daemon first", dll);
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An HTTPS client that trusts exactly the certificate the gateway generated in <paramref name="dataDirectory"/>, and nothing else.</summary>
    public static HttpClient PinnedClient(string dataDirectory, Uri baseAddress, string? token)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                var path = Path.Combine(dataDirectory, "api-certificate.pfx");
                if (certificate is null || !File.Exists(path)) return false;
                using var expected = X509CertificateLoader.LoadPkcs12FromFile(path, null);
                return certificate.Thumbprint == expected.Thumbprint;
            },
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
