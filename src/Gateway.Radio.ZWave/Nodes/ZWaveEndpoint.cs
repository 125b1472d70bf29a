namespace Gateway.Radio.ZWave.Nodes;

/// <summary>A Multi Channel endpoint of a node (1…127): its device class and the command classes it supports.</summary>
public sealed record ZWaveEndpoint(byte Index, byte Generic, byte Specific, IReadOnlyList<byte> CommandClasses)
{
    public bool Supports(byte commandClass) => CommandClasses.Contains(commandClass);
}
