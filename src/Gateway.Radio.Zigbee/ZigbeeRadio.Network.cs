using Gateway.Core.Radio;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// The network operations of the API (<see cref="IRadioNetworkManagement"/>), one at a time, each ending with a
/// <see cref="NetworkOperationReported"/>:
/// <list type="bullet">
/// <item>createNetwork: fresh PAN ID, extended PAN ID and network key on the asked channel; stored as the gateway's
/// network (the user asked, so it replaces the stored one), the coordinator cleared and formed with it.</item>
/// <item>leaveNetwork: a coordinator cannot join another network, so leaving means ending its own: the coordinator is
/// cleared and at once forms a fresh empty network on the configured channel (it stays usable for pairing). The devices
/// of the old network are forgotten by the radio and shown unavailable until they are paired again, keeping their
/// labels, places and action groups.</item>
/// <item>refreshNetwork: every device's states read again and the interviews that gave up started again.</item>
/// <item>bindNetwork: every interviewed device's clusters bound to the coordinator and its reporting configured again.</item>
/// </list>
/// </summary>
public sealed partial class ZigbeeRadio
{
    private readonly CancellationTokenSource _operationsStop = new();
    private int _operationRunning;
    private Task _operation = Task.CompletedTask;
    private PendingReform? _reform;

    /// <summary>A createNetwork or leaveNetwork waiting for the coordinator to come back with the new network.</summary>
    private sealed record PendingReform(string Operation, NetworkParameters Parameters);

    public async Task CreateNetworkAsync(IReadOnlyList<int> channels, CancellationToken cancellationToken)
    {
        if (channels.Where(c => c is < 11 or > 26).Select(c => (int?)c).FirstOrDefault() is { } bad)
            throw new ArgumentException($"channel {bad} is not a Zigbee channel (11 to 26)", nameof(channels));
        var channel = channels.Count == 0 || channels.Contains(_options.Channel) ? _options.Channel : channels[0];
        await ReformAsync(IRadioNetworkManagement.CreateNetwork, channel, cancellationToken);
    }

    public Task LeaveNetworkAsync(CancellationToken cancellationToken) =>
        ReformAsync(IRadioNetworkManagement.LeaveNetwork, _options.Channel, cancellationToken);

    public Task RefreshNetworkAsync(CancellationToken cancellationToken) =>
        RunInBackground(IRadioNetworkManagement.RefreshNetwork, async token =>
        {
            var ok = true;
            foreach (var address in _devices.Keys.ToList())
                ok &= await TryAsync(() => RefreshAsync(address, token), $"refreshing {address}");
            if (_interviews is not null)
            {
                var retried = await _interviews.RetryFailedAsync(token);
                if (retried > 0) _logger.LogInformation("Zigbee refresh: {Count} failed interview(s) started again", retried);
            }
            return ok;
        });

    public Task BindNetworkAsync(CancellationToken cancellationToken) =>
        RunInBackground(IRadioNetworkManagement.BindNetwork, async token =>
        {
            var ok = true;
            foreach (var node in _nodes.Values.ToList())
                ok &= await TryAsync(() => SetUpDevicesAsync(node, token), $"binding {node.Ieee:X16}");
            return ok;
        });

    private async Task<bool> TryAsync(Func<Task> step, string what)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning("Zigbee network operation: {What} failed: {Reason}", what, ex.Message);
            return false;
        }
    }

    private Task RunInBackground(string operation, Func<CancellationToken, Task<bool>> work)
    {
        if (_ready is null) throw new InvalidOperationException("the Zigbee coordinator is not ready");
        Claim();
        var token = _operationsStop.Token;
        _operation = Task.Run(async () =>
        {
            var ok = false;
            try
            {
                ok = await work(token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Zigbee {Operation} failed", operation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                Volatile.Write(ref _operationRunning, 0);
            }
            _logger.LogInformation("Zigbee {Operation} {Outcome}", operation, ok ? "completed" : "failed");
            _reports.Writer.TryWrite(new NetworkOperationReported(operation, ok));
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Forgets the devices of the running network, stores the new network explicitly, clears the coordinator and
    /// reconnects: the start-up forms the new network (see RunSessionAsync) and <see cref="EndReform"/> reports it.
    /// </summary>
    private async Task ReformAsync(string operation, int channel, CancellationToken cancellationToken)
    {
        var session = _ready ?? throw new InvalidOperationException("the Zigbee coordinator is not ready");
        var coordinator = _startup?.IeeeAddress ?? 0;
        Claim();
        try
        {
            var parameters = NetworkParameters.Random(channel);
            ClosePairing(timedOut: false);
            foreach (var ieee in _nodes.Keys.Concat(_announced.Keys).Distinct().ToList())
                await ForgetNodeAsync(ieee, removed: false, cancellationToken);
            if (_interviews is not null)
                foreach (var ieee in _interviews.Failed.Keys) await _interviews.ForgetAsync(ieee, cancellationToken);
            await SaveNetworkAsync(new CoordinatorNetwork(coordinator, parameters, null), cancellationToken);
            _storedUnreadable = false;
            _networkMismatch = null;
            _reform = new PendingReform(operation, parameters);
            _logger.LogWarning("Zigbee {Operation}: the coordinator leaves PAN 0x{Old:X4} and forms PAN 0x{PanId:X4} on channel {Channel}; paired devices must join again",
                operation, _startup?.Network?.Parameters.PanId ?? 0, parameters.PanId, parameters.Channel);
            await new ZnpStartup(session, _options, _logger).ClearNetworkAtNextResetAsync(cancellationToken);
            RestartWedged(session, $"{operation} asked");
        }
        catch
        {
            _reform = null;
            Volatile.Write(ref _operationRunning, 0);
            throw;
        }
    }

    /// <summary>After a start-up (the network it runs, or null when it failed): ends a pending createNetwork or leaveNetwork.</summary>
    private void EndReform(CoordinatorNetwork? running)
    {
        if (Interlocked.Exchange(ref _reform, null) is not { } reform) return;
        var ok = running is not null && running.Parameters.SameNetworkAs(reform.Parameters);
        Volatile.Write(ref _operationRunning, 0);
        _logger.LogInformation("Zigbee {Operation} {Outcome}", reform.Operation, ok ? "completed" : "failed");
        _reports.Writer.TryWrite(new NetworkOperationReported(reform.Operation, ok));
    }

    private void Claim()
    {
        if (Interlocked.CompareExchange(ref _operationRunning, 1, 0) != 0)
            throw new InvalidOperationException("another Zigbee network operation is still running");
    }

    private async Task StopNetworkOperationsAsync()
    {
        await _operationsStop.CancelAsync();
        await _operation.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
