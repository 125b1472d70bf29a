using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.TestSupport;

/// <summary>A throw-away certificate authority made by the test, and a server certificate for 127.0.0.1 signed by it, as PEM files.</summary>
public static class TestCertificates
{
    /// <summary>Writes <c>{name}.pem</c> (the CA certificate) into <paramref name="directory"/> and returns the CA with its key.</summary>
    public static X509Certificate2 CreateAuthority(string directory, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=gatewayd test CA {name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var authority = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        File.WriteAllText(Path.Combine(directory, $"{name}.pem"), authority.ExportCertificatePem());
        return authority;
    }

    /// <summary>Writes <c>{name}.crt</c> and <c>{name}.key</c>: a server certificate for 127.0.0.1 signed by <paramref name="authority"/>.</summary>
    public static (string CertFile, string KeyFile) IssueServer(X509Certificate2 authority, string directory, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(authority, now.AddHours(-1), now.AddDays(10), RandomNumberGenerator.GetBytes(16));
        var certFile = Path.Combine(directory, $"{name}.crt");
        var keyFile = Path.Combine(directory, $"{name}.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }
}
