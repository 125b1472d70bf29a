using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Encapsulation;

/// <summary>Multi Channel (0x60) Command Encapsulation 0x0D: <c>source endpoint, destination endpoint, payload…</c>.</summary>
public sealed class MultiChannelLayer : IEncapsulationLayer
{
    public const byte CommandEncapsulation = 0x0D;

    public EncapsulatedCommand Wrap(EncapsulatedCommand command) => command.Endpoint == 0 ? command
        : command with { Payload = [CommandClassId.MultiChannel, CommandEncapsulation, 0x00, (byte)(command.Endpoint & 0x7F), .. command.Payload] };

    public EncapsulatedCommand? Unwrap(EncapsulatedCommand command)
    {
        var p = command.Payload;
        if (p.Length < 2 || p[0] != CommandClassId.MultiChannel || p[1] != CommandEncapsulation) return command;
        if (p.Length < 6) return null;
        return command with { Endpoint = (byte)(p[2] & 0x7F), Payload = p[4..] };
    }
}
