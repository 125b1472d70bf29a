namespace Gateway.Radio.Rts.Protocol;

/// <summary>RFY subtypes: plain RFY (unit codes 0-4), RFY-EXT (unit codes 0-15) and ASA blinds (unit codes 1-5).</summary>
public enum RfySubtype : byte
{
    Rfy = 0x00,
    RfyExt = 0x01,
    Asa = 0x03,
}
