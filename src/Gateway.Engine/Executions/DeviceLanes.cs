namespace Gateway.Engine.Executions;

/// <summary>
/// One lane per device: commands for a device run one at a time, and the latest request wins. A newcomer takes its
/// place in the lane at once (in the order requests were accepted), interrupting the command in progress and every
/// older one still waiting — a "stop" must neither wait for a 30-second "close" nor for an "open" queued behind it —
/// then runs once they have unwound.
/// </summary>
internal sealed class DeviceLanes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Joins the device's lane now; the returned ticket waits for the turn.</summary>
    public Ticket Enter(string deviceUrl, CancellationToken cancellationToken)
    {
        var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Lane lane;
        List<CancellationTokenSource> older;
        lock (_gate)
        {
            if (!_lanes.TryGetValue(deviceUrl, out lane!)) _lanes[deviceUrl] = lane = new Lane();
            older = [.. lane.Leases];
            lane.Leases.Add(lease);
        }
        older.ForEach(Interrupt);
        return new Ticket(this, deviceUrl, lane, lease);
    }

    private static void Interrupt(CancellationTokenSource lease)
    {
        try
        {
            lease.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished between our look and our cancel: nothing to interrupt.
        }
    }

    private void Leave(string deviceUrl, Lane lane, CancellationTokenSource lease)
    {
        lock (_gate)
        {
            lane.Leases.Remove(lease);
            if (lane.Leases.Count == 0) _lanes.Remove(deviceUrl);
        }
    }

    internal sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The running command's lease and those waiting, oldest first.</summary>
        public List<CancellationTokenSource> Leases { get; } = [];
    }

    /// <summary>A place in a lane: wait for the turn, then hold the device until disposed.</summary>
    internal sealed class Ticket(DeviceLanes owner, string deviceUrl, Lane lane, CancellationTokenSource lease) : IDisposable
    {
        private bool _holding;

        /// <summary>Cancelled when the execution is cancelled or a newer command takes over the device.</summary>
        public CancellationToken Token => lease.Token;

        public async Task WaitForTurnAsync()
        {
            await lane.Gate.WaitAsync(lease.Token);
            _holding = true;
        }

        public void Dispose()
        {
            owner.Leave(deviceUrl, lane, lease);
            if (_holding) lane.Gate.Release();
            lease.Dispose();
        }
    }
}
