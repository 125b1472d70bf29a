namespace Gateway.Core.Cloud;

/// <summary>What an uplink message is, which decides what the outbox may give up when it is full.</summary>
public enum OutboxKind
{
    /// <summary>An Overkiz event other than an execution's: dropped oldest first when a bound forces loss.</summary>
    Event = 0,

    /// <summary>A device's state values: a later message with the same coalescing key supersedes it; then dropped like events.</summary>
    State = 1,

    /// <summary>An execution's events: never dropped.</summary>
    Execution = 2,

    /// <summary>The answer to a downlink request: never dropped.</summary>
    Response = 3,
}
