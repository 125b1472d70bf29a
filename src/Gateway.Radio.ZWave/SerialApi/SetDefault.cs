namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// SetDefault (0x42): request <c>callback id</c>, no response, callback <c>callback id</c>. The controller forgets its
/// network, takes a new home id and node id 1. SoftReset (0x08) has no payload and no answer; a 700/800 series
/// controller announces its restart with SerialApiStarted (0x0A).
/// </summary>
public static class SetDefault
{
    public static byte[] Request(byte callbackId) => [callbackId];

    /// <summary>SerialApiStarted payload a controller sends after a reset: wake-up reason 0 (reset), no watchdog, then its node's classes.</summary>
    public static byte[] StartedAfterReset() => [0x00, 0x00, 0x01, 0x02, 0x07, 0x00];
}
