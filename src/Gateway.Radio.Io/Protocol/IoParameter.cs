namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// The io-homecontrol main parameter (MP) as the KLF-200 carries it: 0x0000 (0 %, open) to 0xC800 (100 %, closed) in
/// 512 steps per percent, a relative move in 0xC900–0xD0D0, and special values for target, current, default and
/// ignore. Overkiz closure uses the same direction (100 = closed), so closure c is exactly c × 512.
/// </summary>
public static class IoParameter
{
    public const ushort Open = 0x0000;
    public const ushort Closed = 0xC800;
    public const ushort StepsPerPercent = 0x0200;
    public const ushort RelativeFirst = 0xC900;
    public const ushort RelativeLast = 0xD0D0;
    /// <summary>Go to (or keep) the target the node already has.</summary>
    public const ushort Target = 0xD100;
    /// <summary>The node's current value: sent as a command it stops the node where it is.</summary>
    public const ushort Current = 0xD200;
    /// <summary>The node's default value: for a Somfy io motor its "my" (favourite) position.</summary>
    public const ushort Default = 0xD300;
    /// <summary>Leave this parameter alone (functional parameters that are not sent).</summary>
    public const ushort Ignore = 0xD400;
    /// <summary>What the interface reports for a value it does not know (no feedback).</summary>
    public const ushort Unknown = 0xF7FF;

    /// <summary>Closure 0–100 → 0x0000–0xC800, exact.</summary>
    public static ushort FromClosure(int closure)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(closure, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(closure, 100);
        return (ushort)(closure * StepsPerPercent);
    }

    /// <summary>
    /// A position value → closure 0–100, rounded to the nearest percent (exact for every value <see cref="FromClosure"/>
    /// makes). False for the special values and relative moves, which are no position.
    /// </summary>
    public static bool TryToClosure(ushort parameter, out int closure)
    {
        if (parameter > Closed)
        {
            closure = 0;
            return false;
        }
        closure = (parameter + StepsPerPercent / 2) / StepsPerPercent;
        return true;
    }

    public static IoParameterKind KindOf(ushort parameter) => parameter switch
    {
        <= Closed => IoParameterKind.Position,
        >= RelativeFirst and <= RelativeLast => IoParameterKind.Relative,
        Target => IoParameterKind.Target,
        Current => IoParameterKind.Current,
        Default => IoParameterKind.Default,
        Ignore => IoParameterKind.Ignore,
        Unknown => IoParameterKind.Unknown,
        _ => IoParameterKind.Invalid,
    };
}
