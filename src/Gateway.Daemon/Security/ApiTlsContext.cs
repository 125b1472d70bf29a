using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gateway.Daemon.Security;

/// <summary>
/// The TLS context of the API, built off the start-up path. Building it means building the certificate's chain, and
/// on Linux that loads the whole system trust store: about 250 ms of CPU here, more than the rest of start-up
/// together. Handed to Kestrel as a certificate, it would be built before the daemon listens; built in the
/// background, it overlaps the rest of start-up and only a handshake that arrives before it is done waits for it.
/// A renewed certificate replaces it for the next handshakes; open connections keep theirs.
/// </summary>
public sealed class ApiTlsContext
{
    private static readonly List<SslApplicationProtocol> Protocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];

    private volatile Holder _current;

    public ApiTlsContext(X509Certificate2 certificate) => _current = new Holder(certificate);

    public X509Certificate2 Certificate => _current.Certificate;

    public string CertificateSha256 => _current.Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public TlsHandshakeCallbackOptions HandshakeOptions => new() { OnConnection = ServerOptionsAsync };

    public void Replace(X509Certificate2 certificate) => _current = new Holder(certificate);

    private async ValueTask<SslServerAuthenticationOptions> ServerOptionsAsync(TlsHandshakeCallbackContext context) => new()
    {
        ServerCertificateContext = await _current.Context.WaitAsync(context.CancellationToken),
        ApplicationProtocols = Protocols,
        ClientCertificateRequired = false,
    };

    private sealed class Holder(X509Certificate2 certificate)
    {
        public X509Certificate2 Certificate { get; } = certificate;

        public Task<SslStreamCertificateContext> Context { get; } =
            Task.Run(() => SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true));
    }
}
