using System.Collections.Concurrent;
using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts.Simulator;

/// <summary>
/// What survives a reconnection of the simulated RFXtrx433E: its remote table with the rolling codes (kept in the
/// transceiver's flash) and the motors in the house.
/// </summary>
public sealed class TransceiverMemory
{
    public ConcurrentDictionary<RfyAddress, int> Remotes { get; } = new();

    public ConcurrentDictionary<string, SimulatedMotor> Motors { get; } = new(StringComparer.Ordinal);

    public SimulatedMotor AddMotor(string name, TimeSpan opening, TimeSpan closing) =>
        Motors[name] = new SimulatedMotor(name, opening, closing);
}
