namespace Gateway.Radio.ZWave.Serial;

/// <summary>The controller did not ACK, answer or call back in time.</summary>
public sealed class SerialApiTimeoutException(string message, bool missingCallback = false) : TimeoutException(message)
{
    /// <summary>True when the controller ACKed and answered the request but its callback never came.</summary>
    public bool MissingCallback => missingCallback;
}
