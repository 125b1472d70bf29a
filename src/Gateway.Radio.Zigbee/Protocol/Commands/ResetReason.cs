namespace Gateway.Radio.Zigbee.Protocol.Commands;

public enum ResetReason : byte
{
    PowerUp = 0,
    External = 1,
    Watchdog = 2,
}
