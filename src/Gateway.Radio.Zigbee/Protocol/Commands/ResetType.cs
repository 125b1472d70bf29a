namespace Gateway.Radio.Zigbee.Protocol.Commands;

public enum ResetType : byte
{
    /// <summary>Hardware (watchdog) reset; serial-bootloader builds may pause in the bootloader first.</summary>
    Hard = 0,
    /// <summary>Soft reset of the stack: what zigpy-znp and zigbee-herdsman send to a CC2652.</summary>
    Soft = 1,
}
