using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave;

/// <summary>The outcome of a parameter read or write: the value the node reported, or that the write waits for the node's wake-up.</summary>
public sealed record ZWaveParameterResult(ConfigurationReport? Value, bool Queued);
