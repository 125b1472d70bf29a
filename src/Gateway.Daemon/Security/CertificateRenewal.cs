using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Security;

/// <summary>
/// Keeps the API certificate naming the box while it runs: after an address change (a new DHCP lease) and once a
/// day (expiry), the certificate is checked and made again if it no longer covers the box's addresses.
/// </summary>
public sealed class CertificateRenewal(ApiTlsContext tls, string dataDirectory, string gatewayId, TimeProvider time,
    ILogger<CertificateRenewal> logger, Func<IReadOnlyList<IPAddress>>? addresses = null) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Daily = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _addressChanged = new(0);

    /// <summary>Checks the certificate now; true when a new one replaced it.</summary>
    public bool RenewIfNeeded()
    {
        var current = tls.Certificate;
        var checkedOne = CertificateProvider.LoadOrCreate(dataDirectory, gatewayId, logger, addresses?.Invoke());
        if (checkedOne.Thumbprint == current.Thumbprint) return false;
        tls.Replace(checkedOne);
        logger.LogInformation("API certificate renewed for the box's current names and addresses");
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NetworkChange.NetworkAddressChanged += OnAddressChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Either an address change (then let the burst of netlink events settle) or a day without one.
                if (await _addressChanged.WaitAsync(Daily, stoppingToken)) await Task.Delay(Settle, time, stoppingToken);
                while (_addressChanged.CurrentCount > 0) await _addressChanged.WaitAsync(stoppingToken);
                try
                {
                    RenewIfNeeded();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
                {
                    logger.LogWarning("API certificate could not be renewed: {Reason}", ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            NetworkChange.NetworkAddressChanged -= OnAddressChanged;
        }
    }

    private void OnAddressChanged(object? sender, EventArgs e) => _addressChanged.Release();
}
