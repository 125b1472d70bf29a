namespace Gateway.Core.Radio;

/// <summary>How a driver tells the execution engine where a command stands.</summary>
public interface IRadioCommandProgress
{
    /// <summary>The command has left the gateway (frame written to the dongle).</summary>
    void Transmitted();

    /// <summary>The device acknowledged and is acting on it.</summary>
    void InProgress();

    /// <summary>
    /// The command legitimately needs up to <paramref name="duration"/> more from now (a sleeping device that is
    /// only reachable at its next wake-up, a long travel): the engine's command timeout restarts at the larger of that
    /// and its usual value.
    /// </summary>
    void ExpectCompletionWithin(TimeSpan duration)
    {
    }
}
