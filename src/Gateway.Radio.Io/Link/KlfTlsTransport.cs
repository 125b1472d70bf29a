using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Io.Link;

/// <summary>
/// TLS over TCP to a KLF-200 (port 51200). The interface presents a self-signed certificate no authority vouches
/// for, so the certificate is checked by its SHA-256 fingerprint when one is configured; without one any certificate
/// is accepted and its fingerprint logged as a warning, so the user can pin it.
/// </summary>
public sealed class KlfTlsTransport(string name, string host, int port, string? pinnedFingerprint, ILogger logger) : IByteTransport
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private TcpClient? _client;
    private SslStream? _stream;

    public string Name => name;

    /// <summary>SHA-256 of the certificate the interface presented on the last connection, upper-case hex.</summary>
    public string? PresentedFingerprint { get; private set; }

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, Validate);
            await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, timeout.Token);
            _client = client;
            _stream = stream;
        }
        catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException
                                       || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new TransportException($"cannot connect to {name}: {ex.Message}", ex);
        }
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null) return false;
        var fingerprint = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        PresentedFingerprint = fingerprint;
        if (NormalizeFingerprint(pinnedFingerprint) is { } pinned)
        {
            if (pinned == fingerprint) return true;
            logger.LogError("KLF-200 {Port} presented certificate SHA-256 {Fingerprint}, not the configured {Pinned}: refused", name, fingerprint, pinned);
            return false;
        }
        if (errors == SslPolicyErrors.None) return true;
        logger.LogWarning("KLF-200 {Port}: accepting its self-signed certificate SHA-256 {Fingerprint} without a check; set Gateway:Radios:Io:CertificateFingerprint to pin it",
            name, fingerprint);
        return true;
    }

    /// <summary>Hex with or without colons or spaces, any case → upper-case hex; null when empty.</summary>
    public static string? NormalizeFingerprint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return new string([.. text.Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant)]);
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new TransportException($"{name} is not open");
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            return 0;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new TransportException($"{name} is not open");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await stream.WriteAsync(data, limit.Token);
            await stream.FlushAsync(limit.Token);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException
                                       || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TransportException($"write to {name} failed: {ex.Message}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null) await _stream.DisposeAsync();
        _client?.Dispose();
    }
}
