namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Basic (0x0000), ZCL spec §3.2.</summary>
public static class BasicCluster
{
    public const ushort Id = ZclClusterId.Basic;

    public const ushort ZclVersion = 0x0000;
    public const ushort ApplicationVersion = 0x0001;
    public const ushort StackVersion = 0x0002;
    public const ushort HardwareVersion = 0x0003;
    public const ushort ManufacturerName = 0x0004;
    public const ushort ModelIdentifier = 0x0005;
    public const ushort DateCode = 0x0006;
    public const ushort PowerSource = 0x0007;
    public const ushort SoftwareBuildId = 0x4000;

    /// <summary>The attributes an interview reads.</summary>
    public static readonly ushort[] InterviewAttributes = [ManufacturerName, ModelIdentifier, PowerSource, SoftwareBuildId];

    /// <summary>Power source values 0x01 and 0x02 are mains; bit 7 flags a backup battery (§3.2.2.2.8).</summary>
    public const byte PowerSourceUnknown = 0x00;
    public const byte PowerSourceMainsSinglePhase = 0x01;
    public const byte PowerSourceMainsThreePhase = 0x02;
    public const byte PowerSourceBattery = 0x03;
    public const byte PowerSourceDc = 0x04;
    public const byte PowerSourceEmergencyMainsConstant = 0x05;
    public const byte PowerSourceEmergencyMainsTransfer = 0x06;
    public const byte PowerSourceBatteryBackupBit = 0x80;
}
