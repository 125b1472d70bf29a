using Gateway.Core.Licensing;
using Gateway.Core.Radio;
using Gateway.Daemon.Reset;
using Gateway.Engine.Radios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Gpio;

/// <summary>
/// The box's status LED and reset button (hardware/README.md). Not configured, or no such gpiochip: the feature is
/// off and says so in one log line; the daemon runs the same either way.
/// </summary>
public sealed class GpioService(
    GpioOptions options, IServiceProvider services, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<GpioService> log,
    Func<string, IGpioChip>? openChip = null) : BackgroundService
{
    /// <summary>How long the LED shows the reset confirmation before the daemon stops to wipe its data.</summary>
    public static readonly TimeSpan ResetConfirmationShownFor = TimeSpan.FromSeconds(3);

    private readonly DateTimeOffset _createdAt = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Chip) || options.LedPin is null && options.ButtonPin is null)
        {
            log.LogInformation("GPIO status LED and reset button off: Gateway:Gpio:Chip and a LedPin or ButtonPin are not configured");
            return;
        }
        if (openChip is null && !File.Exists(options.ChipPath))
        {
            log.LogWarning("GPIO status LED and reset button off: there is no {Chip} on this machine", options.ChipPath);
            return;
        }
        IGpioChip chip;
        IGpioOutputLine? ledLine;
        IGpioInputLine? buttonLine;
        try
        {
            chip = openChip is null ? LinuxGpioChip.Open(options.ChipPath) : openChip(options.ChipPath);
            ledLine = options.LedPin is { } led ? chip.RequestOutput(led, initial: true) : null;
            buttonLine = options.ButtonPin is { } buttonPin ? chip.RequestInput(buttonPin, options.ButtonActiveLow, ResetButton.Debounce) : null;
        }
        catch (IOException ex)
        {
            log.LogWarning("GPIO status LED and reset button off: {Reason}", ex.Message);
            return;
        }
        using var _ = chip;
        using var ledOwner = ledLine;
        using var buttonOwner = buttonLine;
        using var statusLed = ledLine is null ? null : new StatusLed(ledLine, time, CurrentState);
        statusLed?.Start();
        log.LogInformation("GPIO on {Chip}: status LED on line {Led}, reset button on line {Button}", options.ChipPath,
            options.LedPin?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", options.ButtonPin?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        if (buttonLine is null)
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }
        using var button = new ResetButton(time, StartPairingEverywhereAsync, FactoryResetAsync, state => statusLed?.Override(state), log);
        try
        {
            while (!stoppingToken.IsCancellationRequested) button.OnEdge(await buttonLine.ReadEdgeAsync(stoppingToken));
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            if (!stoppingToken.IsCancellationRequested) log.LogWarning("GPIO reset button line closed; the button is off until the next start");
        }
    }

    private GatewayLedState CurrentState() => GatewayLedStates.From(
        lifetime.ApplicationStarted.IsCancellationRequested,
        time.GetUtcNow() - _createdAt,
        services.GetRequiredService<RadioDirectory>().All.Select(r => r.GetDiagnostics()),
        services.GetService<Gateway.Cloud.Sync.CloudSyncService>()?.Connected);

    private async Task StartPairingEverywhereAsync()
    {
        var policy = services.GetRequiredService<IPairingPolicy>();
        foreach (var radio in services.GetRequiredService<RadioDirectory>().All)
        {
            try
            {
                policy.EnsurePairingAllowed(radio.Protocol);
                await radio.StartPairingAsync(new PairingRequest(Admin.AdminPairing.DefaultDuration, null), CancellationToken.None);
            }
            catch (Exception ex)
            {
                log.LogWarning("Reset button: {Protocol} did not open pairing: {Reason}", radio.Protocol, ex.Message);
            }
        }
    }

    private async Task FactoryResetAsync()
    {
        var reset = services.GetRequiredService<FactoryResetService>();
        await Task.WhenAll(reset.ResetAsync("the reset button", CancellationToken.None), Task.Delay(ResetConfirmationShownFor, time));
        reset.Restart();
    }
}
