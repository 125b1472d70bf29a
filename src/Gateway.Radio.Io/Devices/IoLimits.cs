using Gateway.Core.Model;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Devices;

/// <summary>
/// The range a node's main parameter is limited to (GW_LIMITATION_STATUS_NTF), as closures 0–100. No TaHoma setup we
/// have shows a state for the range itself, so its two states are the gateway's own (io: prefix, Overkiz style);
/// who limits the node uses the box's <c>io:PriorityLockOriginatorState</c>.
/// </summary>
public sealed record IoLimits(int MinimumClosure, int MaximumClosure, byte Originator)
{
    public const string MinimumClosureState = "io:MinimumClosureLimitState";
    public const string MaximumClosureState = "io:MaximumClosureLimitState";
    public const string OriginatorState = "io:PriorityLockOriginatorState";

    public static readonly IoLimits None = new(0, 100, 0);

    /// <summary>True when the node cannot travel its whole range.</summary>
    public bool Limited => MinimumClosure > 0 || MaximumClosure < 100;

    /// <summary>
    /// From the minimum and maximum answers; a value outside the position range (ignore, unknown) means no limit on
    /// that side.
    /// </summary>
    public static IoLimits From(LimitationStatus? minimum, LimitationStatus? maximum)
    {
        var min = minimum is not null && IoParameter.TryToClosure(minimum.MinValue, out var low) ? low : 0;
        var max = maximum is not null && IoParameter.TryToClosure(maximum.MaxValue, out var high) ? high : 100;
        var originator = min > 0 ? minimum!.Originator : max < 100 ? maximum!.Originator : (byte)0;
        return new IoLimits(min, Math.Max(min, max), originator);
    }

    public IReadOnlyList<DeviceState> States()
    {
        var states = new List<DeviceState>
        {
            DeviceState.Of(MinimumClosureState, MinimumClosure),
            DeviceState.Of(MaximumClosureState, MaximumClosure),
        };
        if (Limited) states.Add(DeviceState.Of(OriginatorState, OriginatorName(Originator)));
        return states;
    }

    /// <summary>The KLF-200's command originator as the box names a priority lock's origin.</summary>
    public static string OriginatorName(byte originator) => originator switch
    {
        1 => "user",
        2 => "rain",
        3 => "timer",
        5 => "UPS",
        8 => "SAAC",
        9 => "wind",
        255 => "emergency",
        _ => "unknown",
    };
}
