namespace Gateway.Radio.ZWave.Serial;

/// <summary>
/// One host request and what it waits for: the controller's response (same function id) and, for requests that
/// carry a callback id, the callback request whose first payload byte is that id.
/// </summary>
public sealed record SerialApiTransaction(SerialFrame Request, bool ExpectsResponse = true, byte CallbackId = 0)
{
    /// <summary>How long the callback may take; null uses the session's default.</summary>
    public TimeSpan? CallbackTimeout { get; init; }

    /// <summary>A response that says the controller refused the request (SendData answers 0): no callback will come.</summary>
    public Func<SerialFrame, bool>? Refused { get; init; }
}
