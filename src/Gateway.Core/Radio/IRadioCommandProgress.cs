namespace Gateway.Core.Radio;

/// <summary>How a driver tells the execution engine where a command stands.</summary>
public interface IRadioCommandProgress
{
    /// <summary>The command has left the gateway (frame written to the dongle).</summary>
    void Transmitted();

    /// <summary>The device acknowledged and is acting on it.</summary>
    void InProgress();
}
