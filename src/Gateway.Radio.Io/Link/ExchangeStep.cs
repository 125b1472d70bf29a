namespace Gateway.Radio.Io.Link;

/// <summary>What a frame means to the exchange in progress.</summary>
public enum ExchangeStep
{
    /// <summary>Not part of the exchange: handled as a notification.</summary>
    NotMine,
    /// <summary>Part of the answer; more to come.</summary>
    Take,
    /// <summary>The last frame of the answer.</summary>
    Finish,
}
