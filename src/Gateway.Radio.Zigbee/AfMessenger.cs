using Gateway.Radio.Zigbee.Protocol.Commands;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// Sends application frames with AF_DATA_REQUEST from the gateway's endpoint: the request is accepted (SRSP), then
/// AF_DATA_CONFIRM with the same transaction id says whether it was delivered. Throws
/// <see cref="ZigbeeDeliveryException"/> on a failed confirm, <see cref="ZnpTimeoutException"/> when none comes.
/// </summary>
public sealed class AfMessenger(ZnpSession session, TimeSpan confirmTimeout)
{
    private int _transaction;

    public async Task SendAsync(ushort networkAddress, byte endpoint, ushort clusterId, byte[] payload, CancellationToken cancellationToken)
    {
        var id = (byte)Interlocked.Increment(ref _transaction);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var confirm = session.WaitForAsync(f => DataConfirm.TryParse(f) is { } c && c.TransactionId == id, "AF_DATA_CONFIRM", confirmTimeout, giveUp.Token);
        try
        {
            var request = AfCommands.DataRequest(networkAddress, endpoint, ZnpStartup.GatewayEndpoint, clusterId, id, payload);
            var status = SysCommands.StatusOf(await session.RequestAsync(request, cancellationToken));
            if (status != MtStatus.Success) throw new ZigbeeDeliveryException(status ?? MtStatus.Failure, "the coordinator refused the AF data request");
            var outcome = DataConfirm.TryParse(await confirm)!;
            if (outcome.Status != MtStatus.Success) throw new ZigbeeDeliveryException(outcome.Status, "the device did not acknowledge the frame");
        }
        finally
        {
            await giveUp.CancelAsync();
            await ((Task)confirm).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
