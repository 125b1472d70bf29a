using Gateway.Core.Model;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// Radio signal states from a telegram's dBm: <c>core:RSSILevelState</c> 0..100 scaled linearly from -100 dBm (0) to
/// -30 dBm (100), clamped; <c>core:DiscreteRSSILevelState</c> from that level: below 25 "verylow", below 50 "low",
/// below 75 "normal", otherwise "good".
/// </summary>
public static class SignalStates
{
    public const int FloorDbm = -100;
    public const int CeilingDbm = -30;

    public static IReadOnlyList<DeviceState> From(int dbm)
    {
        var level = Level(dbm);
        return
        [
            DeviceState.Of(EepStateNames.RssiLevelState, level),
            DeviceState.Of(EepStateNames.DiscreteRssiLevelState, Discrete(level)),
        ];
    }

    public static int Level(int dbm)
    {
        var clamped = Math.Clamp(dbm, FloorDbm, CeilingDbm);
        return (int)Math.Round((clamped - FloorDbm) * 100.0 / (CeilingDbm - FloorDbm), MidpointRounding.AwayFromZero);
    }

    public static string Discrete(int level) => level switch
    {
        < 25 => "verylow",
        < 50 => "low",
        < 75 => "normal",
        _ => "good",
    };
}
