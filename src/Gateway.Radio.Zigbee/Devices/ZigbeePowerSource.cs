namespace Gateway.Radio.Zigbee.Devices;

public enum ZigbeePowerSource
{
    Unknown,
    Mains,
    Battery,
}
