using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Engine.Devices;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Radios;

/// <summary>Starts and stops the radios and feeds what they report into the device registry.</summary>
public sealed class RadioHost(RadioDirectory radios, DeviceRegistry registry, ILogger<RadioHost> logger, IRadioSettingsStore? settings = null)
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pumps = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var radio in radios.All)
        {
            _pumps.Add(Task.Run(() => PumpAsync(radio, _stopping.Token), CancellationToken.None));
            try
            {
                await radio.StartAsync(registry.StartContextFor(radio.Protocol) with { Settings = settings }, cancellationToken);
                logger.LogInformation("Radio {Protocol} started", radio.Protocol);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken dongle must not keep the rest of the home down.
                logger.LogError(ex, "Radio {Protocol} failed to start", radio.Protocol);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var radio in radios.All)
        {
            try
            {
                await radio.StopAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Radio {Protocol} failed to stop cleanly", radio.Protocol);
            }
        }
        await _stopping.CancelAsync();
        await Task.WhenAll(_pumps).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PumpAsync(IRadio radio, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var report in radio.Reports.ReadAllAsync(cancellationToken))
            {
                try
                {
                    registry.Apply(radio.Protocol, report);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Report from {Protocol} for {Address} could not be applied", radio.Protocol, report.Address);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
