namespace Gateway.Radio.ZWave.Serial;

/// <summary>What a transaction brought back: the response (when one was expected) and the callback (when one was).</summary>
public sealed record SerialApiResult(SerialFrame? Response, SerialFrame? Callback);
