namespace Gateway.Radio.Rts;

/// <summary>States and attributes of RTS devices beyond the core:* ones.</summary>
public static class RtsStateNames
{
    /// <summary>True: core:ClosureState is the gateway's estimate from travel time, not a reading (RTS is one-way).</summary>
    public const string ClosureEstimated = "rts:ClosureEstimatedState";
    public const string OpeningDuration = "rts:OpeningDurationState";
    public const string ClosingDuration = "rts:ClosingDurationState";
    public const string Memorized1Position = "core:Memorized1PositionState";

    public const string RfyAddressAttribute = "rts:RfyAddress";
    public const string ChannelAttribute = "rts:Channel";
    public const string SubtypeAttribute = "rts:RfySubtype";
}
