namespace Gateway.Radio.Rts;

/// <summary>The RTS controllables the gateway pairs, named as TaHoma names them.</summary>
public static class RtsKinds
{
    public const string RollerShutter = "rts:RollerShutterRTSComponent";
    public const string HorizontalAwning = "rts:HorizontalAwningRTSComponent";
    public const string ExteriorVenetianBlind = "rts:ExteriorVenetianBlindRTSComponent";
    public const string ExteriorScreen = "rts:ExteriorBlindRTSComponent";

    public static readonly IReadOnlyList<string> All = [RollerShutter, HorizontalAwning, ExteriorVenetianBlind, ExteriorScreen];

    public static string Label(string controllableName) => controllableName switch
    {
        HorizontalAwning => "RTS awning",
        ExteriorVenetianBlind => "RTS venetian blind",
        ExteriorScreen => "RTS screen",
        _ => "RTS roller shutter",
    };

    /// <summary>
    /// The box's transferKey type: 0 an up/down device, 1 a "4-time" device (a venetian blind, whose slats take the
    /// short presses).
    /// </summary>
    public static string? ForTransferKeyType(int type) => type switch
    {
        0 => RollerShutter,
        1 => ExteriorVenetianBlind,
        _ => null,
    };
}
