using System.Net;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Security;

/// <summary>
/// The HTTPS certificate of the local API: ECDSA P-256, self-signed, made on first start and kept in the data
/// directory; made again when it expires or no longer names this box.
/// </summary>
public static class CertificateProvider
{
    public const string FileName = "api-certificate.pfx";

    /// <param name="addresses">The box's addresses; read from its interfaces when not given.</param>
    public static X509Certificate2 LoadOrCreate(string dataDirectory, string gatewayId, ILogger logger, IReadOnlyList<IPAddress>? addresses = null)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var dnsNames = new[] { $"gateway-{gatewayId}.local", $"{gatewayId}.local", "localhost", Environment.MachineName };
        addresses ??= LocalAddresses();

        if (File.Exists(path))
        {
            try
            {
                var existing = X509CertificateLoader.LoadPkcs12FromFile(path, null);
                if (existing.NotAfter > DateTime.Now.AddDays(30) && Covers(existing, dnsNames, addresses)) return existing;
                logger.LogInformation("API certificate expires soon or misses a name of this box; making a new one");
            }
            catch (CryptographicException ex)
            {
                logger.LogWarning(ex, "API certificate {Path} unreadable; making a new one", path);
            }
        }

        var certificate = Create(gatewayId, dnsNames, addresses);
        var bytes = certificate.Export(X509ContentType.Pkcs12);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        // Created 0600 from its first byte: the private key is never readable by others, not even for a moment.
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = PrivateFiles.FileMode;
        using (var file = new FileStream(temporary, create))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        logger.LogInformation("API certificate created for {Names}", string.Join(", ", dnsNames));
        return X509CertificateLoader.LoadPkcs12(bytes, null);
    }

    private static X509Certificate2 Create(string gatewayId, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=gateway-{gatewayId}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames.Distinct()) names.AddDnsName(dns);
        foreach (var address in addresses) names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    private static bool Covers(X509Certificate2 certificate, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (extension is null) return false;
        var dns = extension.EnumerateDnsNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ips = extension.EnumerateIPAddresses().ToHashSet();
        return dnsNames.All(dns.Contains) && addresses.All(ips.Contains);
    }

    private static List<IPAddress> LocalAddresses()
    {
        var addresses = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        try
        {
            addresses.AddRange(NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => !a.IsIPv6LinkLocal));
        }
        catch (NetworkInformationException)
        {
        }
        return addresses.Distinct().ToList();
    }
}
