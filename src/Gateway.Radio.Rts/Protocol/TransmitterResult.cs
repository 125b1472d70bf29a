namespace Gateway.Radio.Rts.Protocol;

/// <summary>What the transceiver says about a packet it was asked to transmit (type 0x02).</summary>
public enum TransmitterResult
{
    Ack = 0x00,
    AckDelayed = 0x01,
    NakNoFrequencyLock = 0x02,
    NakInvalidAddress = 0x03,
    /// <summary>Subtype 0x00: the receiver did not lock.</summary>
    ReceiverLockError = 0x100,
}
