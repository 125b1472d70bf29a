namespace Gateway.Radio.ZWave.Serial;

/// <summary>The controller did not ACK, answer or call back in time.</summary>
public sealed class SerialApiTimeoutException(string message) : TimeoutException(message);
