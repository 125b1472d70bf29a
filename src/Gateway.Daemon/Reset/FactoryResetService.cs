using Gateway.Core.Events;
using Gateway.Core.Radio;
using Gateway.Daemon.Hosting;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Reset;

/// <summary>
/// Resets the gateway to what it was out of the box, whoever asks (gatewayctl over the admin socket, the reset button):
/// the radios drop the networks the gateway owns, the data directory is wiped at the restart that follows, and the
/// daemon comes back with a new identity and certificate and no devices, tokens or automations (docs/factory-reset.md).
/// </summary>
public sealed class FactoryResetService(
    RadioDirectory radios, IEventBus bus, RestartRequest restart, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<FactoryResetService> log, string dataDirectory)
{
    /// <summary>How long a radio may take to drop its network before the reset goes on without it.</summary>
    public static readonly TimeSpan RadioResetTimeout = TimeSpan.FromSeconds(30);

    private int _started;

    public bool Started => Volatile.Read(ref _started) == 1;

    /// <summary>Resets the radios, marks the data directory for wiping and stops the daemon to be started again.</summary>
    public async Task<IReadOnlyList<RadioResetOutcome>> ResetAsync(string requestedBy, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) throw new InvalidOperationException("a factory reset is already under way");
        log.LogWarning("Factory reset requested by {Who}", requestedBy);
        var outcomes = new List<RadioResetOutcome>();
        foreach (var radio in radios.All) outcomes.Add(await ResetRadioAsync(radio, cancellationToken));
        FactoryReset.Request(dataDirectory);
        restart.Request();
        return outcomes;
    }

    /// <summary>Stops the daemon; called once the requester has its answer.</summary>
    public void Restart() => lifetime.StopApplication();

    private async Task<RadioResetOutcome> ResetRadioAsync(IRadio radio, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RadioResetTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            switch (radio)
            {
                case IRadioControllerManagement controller:
                    await controller.ResetAsync(linked.Token);
                    return new RadioResetOutcome(radio.Protocol, "controller reset to factory defaults", true);
                case IRadioNetworkManagement network:
                    var ended = new NetworkOperationWaiter(radio.Protocol, IRadioNetworkManagement.CreateNetwork);
                    using (bus.Subscribe(ended))
                    {
                        await network.CreateNetworkAsync([], linked.Token);
                        var ok = await ended.Task.WaitAsync(linked.Token);
                        return new RadioResetOutcome(radio.Protocol, ok ? "new network formed" : "forming a new network failed", ok);
                    }
                default:
                    return new RadioResetOutcome(radio.Protocol, "nothing kept in the radio", true);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogError("Factory reset: the {Protocol} radio could not drop its network ({Reason}); the reset goes on", radio.Protocol, ex.Message);
            return new RadioResetOutcome(radio.Protocol, $"not reset: {ex.Message}", false);
        }
    }

    private sealed class NetworkOperationWaiter(string protocol, string operation) : IEventSink
    {
        private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<bool> Task => _ended.Task;

        public void OnEvent(GatewayEvent gatewayEvent)
        {
            if (gatewayEvent is RadioNetworkEvent e && e.Protocol == protocol && e.Operation == operation) _ended.TrySetResult(e.FailureType is null);
        }
    }
}
