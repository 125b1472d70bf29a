namespace Gateway.Radio.Zigbee.Protocol.Mt;

/// <summary>The three top bits of CMD0: what kind of MT frame it is.</summary>
public enum MtType : byte
{
    Poll = 0,
    /// <summary>Synchronous request (CMD0 0x2_): the coordinator answers with exactly one SRSP.</summary>
    Sreq = 1,
    /// <summary>Asynchronous request or indication (CMD0 0x4_): no answer.</summary>
    Areq = 2,
    /// <summary>Synchronous response (CMD0 0x6_).</summary>
    Srsp = 3,
}
