using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Daemon.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Daemon.Tests.Security;

public class CertificateRenewalTests
{
    [Fact]
    public void A_new_address_gets_a_new_certificate_naming_it_and_the_same_addresses_keep_the_old_one()
    {
        var directory = Directory.CreateTempSubdirectory("gatewayd-cert-").FullName;
        IReadOnlyList<IPAddress> addresses = [IPAddress.Parse("192.168.1.20")];
        var first = CertificateProvider.LoadOrCreate(directory, "1234-5678-9012", NullLogger.Instance, addresses);
        var tls = new ApiTlsContext(first);
        var renewal = new CertificateRenewal(tls, directory, "1234-5678-9012", TimeProvider.System, NullLogger<CertificateRenewal>.Instance, () => addresses);

        Assert.False(renewal.RenewIfNeeded());
        Assert.Equal(first.Thumbprint, tls.Certificate.Thumbprint);

        addresses = [IPAddress.Parse("192.168.1.77")];
        Assert.True(renewal.RenewIfNeeded());

        var names = tls.Certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(IPAddress.Parse("192.168.1.77"), names.EnumerateIPAddresses());
        Assert.Contains("gateway-1234-5678-9012.local", names.EnumerateDnsNames());
        Assert.NotEqual(first.Thumbprint, tls.Certificate.Thumbprint);
        Directory.Delete(directory, recursive: true);
    }
}
