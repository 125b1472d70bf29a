namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>Bit 3 of the ZCL frame control field.</summary>
public enum ZclDirection : byte
{
    ClientToServer = 0,
    ServerToClient = 1,
}
