namespace Gateway.Radio.Zigbee.Tests.Zcl;

/// <summary>
/// The fuzz tests keep a core busy for seconds; run on their own, they do not slow the timing-bound session tests
/// (short SRSP timeouts) that run in parallel with everything else.
/// </summary>
[CollectionDefinition(nameof(ZclFuzzCollection), DisableParallelization = true)]
public sealed class ZclFuzzCollection;
