namespace Gateway.Radio.ZWave;

/// <summary>
/// A sleeping node's wake-up interval: the one it last reported (null when it never did) and the one set through the
/// API that waits for its next wake-up (null when none does).
/// </summary>
public sealed record ZWaveWakeUpIntervalResult(int? Seconds, int? Pending);
