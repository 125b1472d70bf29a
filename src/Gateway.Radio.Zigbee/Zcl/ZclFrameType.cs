namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>Bits 0–1 of the ZCL frame control field.</summary>
public enum ZclFrameType : byte
{
    Global = 0,
    ClusterSpecific = 1,
}
