namespace Gateway.Radio.Rts.Protocol;

/// <summary>
/// An RFY remote as the RFXtrx433E knows it: a 20-bit address (id1..id3, 0x000001-0x0FFFFF) and a unit code. The
/// transceiver keeps one rolling code per remote.
/// </summary>
public readonly record struct RfyAddress(int Id, byte Unit)
{
    public const int MaxId = 0x0FFFFF;

    public bool IsValidFor(RfySubtype subtype) => Id is >= 1 and <= MaxId && subtype switch
    {
        RfySubtype.Rfy => Unit <= 4,
        RfySubtype.RfyExt => Unit <= 15,
        RfySubtype.Asa => Unit is >= 1 and <= 5,
        _ => false,
    };

    public override string ToString() => $"{Id:X6}/{Unit}";
}
