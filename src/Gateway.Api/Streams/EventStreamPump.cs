using Gateway.Engine.Streams;

namespace Gateway.Api.Streams;

/// <summary>Moves one client's events to its socket: the reset or replay first, then each live event as it comes, flushed at once.</summary>
internal static class EventStreamPump
{
    /// <summary>Runs until the client's queue ends (dropped or closed) or <paramref name="cancellationToken"/> fires.</summary>
    public static async Task RunAsync(EventStreamClient client, IEventFrameWriter writer, TimeSpan heartbeat, TimeProvider time, CancellationToken cancellationToken)
    {
        if (client.IsReset) await writer.WriteResetAsync(client.ResetId, cancellationToken);
        foreach (var missed in client.Replay) await writer.WriteEventAsync(missed, cancellationToken);
        await writer.FlushAsync(cancellationToken);

        using var beat = heartbeat > TimeSpan.Zero ? new PeriodicTimer(heartbeat, time) : null;
        Task<bool>? readable = null;
        Task<bool>? tick = null;
        while (true)
        {
            readable ??= client.Events.WaitToReadAsync(cancellationToken).AsTask();
            if (beat is not null) tick ??= beat.WaitForNextTickAsync(cancellationToken).AsTask();
            var first = tick is null ? readable : await Task.WhenAny(readable, tick);
            if (first == tick)
            {
                tick = null;
                await writer.WriteHeartbeatAsync(cancellationToken);
                await writer.FlushAsync(cancellationToken);
                continue;
            }
            readable = null;
            if (!await first) return;
            while (client.Events.TryRead(out var streamed)) await writer.WriteEventAsync(streamed, cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
    }
}
