namespace Gateway.Radio.ZWave.Serial;

/// <summary>The host-side timeouts and retry rule of the Serial API.</summary>
public sealed record SerialApiTimeouts
{
    /// <summary>How long the controller may take to ACK a frame.</summary>
    public TimeSpan Ack { get; init; } = TimeSpan.FromMilliseconds(1600);

    /// <summary>Transmissions of one frame (the first and the retransmissions) before the controller is given up.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>How long the controller may take to send the response of a request it ACKed.</summary>
    public TimeSpan Response { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a SendData callback may take (the controller's own routing and retries included).</summary>
    public TimeSpan Callback { get; init; } = TimeSpan.FromSeconds(65);

    /// <summary>Wait before retransmission n (1-based): 100 ms + n × 1 s.</summary>
    public static TimeSpan RetransmissionDelay(int retransmission) => TimeSpan.FromMilliseconds(100 + 1000 * (retransmission - 1));
}
