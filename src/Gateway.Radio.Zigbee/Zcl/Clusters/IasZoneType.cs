namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>IAS zone types (ZCL spec §8.2.2.2.1.2, table 8-5).</summary>
public static class IasZoneType
{
    public const ushort StandardCie = 0x0000;
    public const ushort MotionSensor = 0x000D;
    public const ushort ContactSwitch = 0x0015;
    public const ushort DoorWindowHandle = 0x0016;
    public const ushort FireSensor = 0x0028;
    public const ushort WaterSensor = 0x002A;
    public const ushort CarbonMonoxideSensor = 0x002B;
    public const ushort PersonalEmergencyDevice = 0x002C;
    public const ushort VibrationMovementSensor = 0x002D;
    public const ushort RemoteControl = 0x010F;
    public const ushort KeyFob = 0x0115;
    public const ushort Keypad = 0x021D;
    public const ushort StandardWarningDevice = 0x0225;
    public const ushort GlassBreakSensor = 0x0226;
    public const ushort SecurityRepeater = 0x0229;
}
