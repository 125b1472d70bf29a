using System.Collections.Concurrent;
using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// Matches ZCL responses (read/write attributes response, configure reporting response, default response …) to the
/// request they answer: same device, endpoint, cluster and transaction sequence number.
/// </summary>
public sealed class ZclTransactions(TimeProvider time)
{
    private static readonly HashSet<byte> Responses =
        [ZclGlobalCommand.ReadAttributesResponse, ZclGlobalCommand.WriteAttributesResponse, ZclGlobalCommand.ConfigureReportingResponse,
         ZclGlobalCommand.DefaultResponse, ZclGlobalCommand.DiscoverAttributesResponse];

    private readonly ConcurrentDictionary<(ulong Ieee, byte Endpoint, ushort Cluster, byte Sequence), TaskCompletionSource<ZclFrame>> _waiting = new();
    private int _sequence;

    public byte NextSequence() => (byte)Interlocked.Increment(ref _sequence);

    /// <summary>Sends with <paramref name="send"/> and returns the response to <paramref name="frame"/>; <see cref="TimeoutException"/> when none comes.</summary>
    public async Task<ZclFrame> RequestAsync(ulong ieee, byte endpoint, ushort cluster, ZclFrame frame, Func<CancellationToken, Task> send, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var key = (ieee, endpoint, cluster, frame.Sequence);
        var answer = new TaskCompletionSource<ZclFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[key] = answer;
        try
        {
            await send(cancellationToken);
            return await answer.Task.WaitAsync(timeout, time, cancellationToken);
        }
        finally
        {
            _waiting.TryRemove(KeyValuePair.Create(key, answer));
        }
    }

    /// <summary>True when <paramref name="frame"/> answered a waiting request.</summary>
    public bool TryComplete(ulong ieee, byte endpoint, ushort cluster, ZclFrame frame) =>
        frame.IsGlobal && Responses.Contains(frame.CommandId) && _waiting.TryRemove((ieee, endpoint, cluster, frame.Sequence), out var answer) && answer.TrySetResult(frame);
}
