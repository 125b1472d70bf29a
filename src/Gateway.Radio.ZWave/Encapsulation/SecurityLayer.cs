using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Encapsulation;

/// <summary>
/// Where Security S0/S2 goes once it is supported. Today it sends nothing secured and drops secured frames (they
/// cannot be read without the network keys); devices that need security are refused at interview.
/// </summary>
public sealed class SecurityLayer : IEncapsulationLayer
{
    public long DroppedFrames;

    public EncapsulatedCommand Wrap(EncapsulatedCommand command) => command;

    public EncapsulatedCommand? Unwrap(EncapsulatedCommand command)
    {
        if (command.Payload.Length == 0 || command.Payload[0] is not (CommandClassId.Security or CommandClassId.Security2)) return command;
        Interlocked.Increment(ref DroppedFrames);
        return null;
    }

    /// <summary>
    /// A node needs security when it announces S0 or S2 and offers none of the controllable command classes outside
    /// it: it would only obey secured frames.
    /// </summary>
    public static bool NeedsSecurity(IReadOnlyCollection<byte> commandClasses, IReadOnlyCollection<byte> usable) =>
        (commandClasses.Contains(CommandClassId.Security) || commandClasses.Contains(CommandClassId.Security2))
        && !commandClasses.Any(usable.Contains);
}
