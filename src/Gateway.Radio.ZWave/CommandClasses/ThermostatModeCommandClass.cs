namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Thermostat Mode (0x40): Set 0x01 <c>(reserved 3)(mode 5)</c>, Get 0x02, Report 0x03 <c>(reserved 3)(mode 5)</c>.
/// Modes: 0 off, 1 heat, 2 cool, 3 auto, 11 energy save heat.
/// </summary>
public static class ThermostatModeCommandClass
{
    public const byte SetCommand = 0x01, GetCommand = 0x02, ReportCommand = 0x03;
    public const byte Off = 0x00, Heat = 0x01, Cool = 0x02, Auto = 0x03, EnergySaveHeat = 0x0B;

    public static byte[] Set(byte mode) => CommandClassFrame.Of(CommandClassId.ThermostatMode, SetCommand, (byte)(mode & 0x1F));

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.ThermostatMode, GetCommand);

    public static byte[] Report(byte mode) => CommandClassFrame.Of(CommandClassId.ThermostatMode, ReportCommand, (byte)(mode & 0x1F));

    /// <summary>The mode as an Overkiz heating system shows it (core:OperatingModeState), or null for modes it has no name for.</summary>
    public static string? NameOf(byte mode) => mode switch
    {
        Off => "off",
        Heat => "heat",
        Cool => "cool",
        Auto => "auto",
        EnergySaveHeat => "eco",
        _ => null,
    };

    public static byte? ModeOf(string name) => name switch
    {
        "off" => Off,
        "heat" => Heat,
        "cool" => Cool,
        "auto" => Auto,
        "eco" => EnergySaveHeat,
        _ => null,
    };
}
