namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>A command class payload: <c>class, command, parameters…</c>.</summary>
public readonly record struct CommandClassFrame(byte CommandClass, byte Command, byte[] Parameters)
{
    public static bool TryParse(ReadOnlySpan<byte> payload, out CommandClassFrame frame)
    {
        frame = default;
        if (payload.Length < 2) return false;
        frame = new CommandClassFrame(payload[0], payload[1], payload[2..].ToArray());
        return true;
    }

    public byte[] Encode() => [CommandClass, Command, .. Parameters];

    public static byte[] Of(byte commandClass, byte command, params byte[] parameters) => [commandClass, command, .. parameters];
}
