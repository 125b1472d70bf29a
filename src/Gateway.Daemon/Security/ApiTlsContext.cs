using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gateway.Daemon.Security;

/// <summary>
/// The TLS context of the API, built off the start-up path. Building it means building the certificate's chain, and
/// on Linux that loads the whole system trust store: about 250 ms of CPU here, more than the rest of start-up
/// together. Handed to Kestrel as a certificate, it would be built before the daemon listens; built in the
/// background, it overlaps the rest of start-up and only a handshake that arrives before it is done waits for it.
/// </summary>
public sealed class ApiTlsContext
{
    private static readonly List<SslApplicationProtocol> Protocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];

    private readonly Task<SslStreamCertificateContext> _context;

    public ApiTlsContext(X509Certificate2 certificate) =>
        _context = Task.Run(() => SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true));

    public TlsHandshakeCallbackOptions HandshakeOptions => new() { OnConnection = ServerOptionsAsync };

    private async ValueTask<SslServerAuthenticationOptions> ServerOptionsAsync(TlsHandshakeCallbackContext context) => new()
    {
        ServerCertificateContext = await _context.WaitAsync(context.CancellationToken),
        ApplicationProtocols = Protocols,
        ClientCertificateRequired = false,
    };
}
