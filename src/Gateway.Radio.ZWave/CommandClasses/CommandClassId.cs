namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Command class ids the gateway knows.</summary>
public static class CommandClassId
{
    public const byte Basic = 0x20;
    public const byte SwitchBinary = 0x25;
    public const byte SwitchMultilevel = 0x26;
    public const byte SensorBinary = 0x30;
    public const byte SensorMultilevel = 0x31;
    public const byte Meter = 0x32;
    public const byte ThermostatMode = 0x40;
    public const byte ThermostatSetpoint = 0x43;
    public const byte CentralScene = 0x5B;
    public const byte MultiChannel = 0x60;
    public const byte Supervision = 0x6C;
    public const byte Configuration = 0x70;
    public const byte Notification = 0x71;
    public const byte ManufacturerSpecific = 0x72;
    public const byte Battery = 0x80;
    public const byte WakeUp = 0x84;
    public const byte Association = 0x85;
    public const byte Version = 0x86;
    public const byte Security = 0x98;
    public const byte Security2 = 0x9F;

    /// <summary>The NIF's mark: classes after it are controlled, not supported.</summary>
    public const byte SupportControlMark = 0xEF;
}
