namespace Gateway.Engine.Executions;

/// <summary>
/// One lane per device: commands for a device run one at a time. A newcomer interrupts the command in progress
/// (a "stop" must not wait for a 30-second "close" to end), then runs after it has unwound.
/// </summary>
internal sealed class DeviceLanes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<LaneLease> AcquireAsync(string deviceUrl, CancellationToken cancellationToken)
    {
        Lane lane;
        CancellationTokenSource? holder;
        lock (_gate)
        {
            if (!_lanes.TryGetValue(deviceUrl, out lane!)) _lanes[deviceUrl] = lane = new Lane();
            lane.Users++;
            holder = lane.Holder;
        }
        Preempt(holder);
        try
        {
            await lane.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(deviceUrl, lane, null);
            throw;
        }
        var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate) lane.Holder = lease;
        return new LaneLease(this, deviceUrl, lane, lease);
    }

    private static void Preempt(CancellationTokenSource? holder)
    {
        try
        {
            holder?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The holder finished between our look and our cancel: nothing to interrupt.
        }
    }

    private void Leave(string deviceUrl, Lane lane, CancellationTokenSource? lease)
    {
        lock (_gate)
        {
            if (lease is not null && ReferenceEquals(lane.Holder, lease)) lane.Holder = null;
            if (--lane.Users == 0) _lanes.Remove(deviceUrl);
        }
    }

    internal sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public CancellationTokenSource? Holder { get; set; }
        public int Users { get; set; }
    }

    internal sealed class LaneLease(DeviceLanes owner, string deviceUrl, Lane lane, CancellationTokenSource lease) : IDisposable
    {
        /// <summary>Cancelled when the execution is cancelled or another command takes over the device.</summary>
        public CancellationToken Token => lease.Token;

        public void Dispose()
        {
            owner.Leave(deviceUrl, lane, lease);
            lane.Gate.Release();
            lease.Dispose();
        }
    }
}
