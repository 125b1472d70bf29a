namespace Gateway.Radio.Zigbee;

/// <summary>An AF data request failed: refused by the coordinator or not delivered (AF_DATA_CONFIRM status).</summary>
public sealed class ZigbeeDeliveryException(byte status, string message) : Exception($"{message} (status 0x{status:X2})")
{
    public byte Status => status;
}
