namespace Gateway.Radio.Zigbee.Protocol.Mt;

public enum MtDecodeResult
{
    Frame,
    NeedMoreBytes,
    NoStartOfFrame,
    /// <summary>LEN above the 250 bytes MT allows: not a real frame.</summary>
    BadLength,
    BadFcs,
}
