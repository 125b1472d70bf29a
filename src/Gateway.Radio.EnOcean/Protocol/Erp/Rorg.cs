namespace Gateway.Radio.EnOcean.Protocol.Erp;

/// <summary>Radio ORGanisation: the first data byte of an ERP1 telegram, which says how the payload is built.</summary>
public static class Rorg
{
    /// <summary>RPS, repeated switch communication (rocker switches): 1 data byte.</summary>
    public const byte Rps = 0xF6;

    /// <summary>1BS, one byte communication (contacts): 1 data byte.</summary>
    public const byte Bs1 = 0xD5;

    /// <summary>4BS, four byte communication (sensors): 4 data bytes DB3..DB0.</summary>
    public const byte Bs4 = 0xA5;

    /// <summary>VLD, variable length data: 1 to 14 data bytes.</summary>
    public const byte Vld = 0xD2;

    /// <summary>UTE, universal teach-in: 7 data bytes DB6..DB0.</summary>
    public const byte Ute = 0xD4;

    /// <summary>The payload length the RORG prescribes, as (minimum, maximum); null for RORGs this layer does not know.</summary>
    public static (int Min, int Max)? PayloadLength(byte rorg) => rorg switch
    {
        Rps or Bs1 => (1, 1),
        Bs4 => (4, 4),
        Vld => (1, 14),
        Ute => (7, 7),
        _ => null,
    };
}
