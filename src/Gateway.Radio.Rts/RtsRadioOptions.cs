namespace Gateway.Radio.Rts;

/// <summary>Configuration section <c>Gateway:Radios:Rts</c>.</summary>
public sealed class RtsRadioOptions
{
    /// <summary>The RFXtrx433E/XL: a serial device (/dev/ttyUSB0, /dev/serial/by-id/…) or <c>tcp://host:port</c>; empty keeps the radio off.</summary>
    public string Port { get; set; } = "";

    /// <summary>The RFXtrx speaks 38400 baud.</summary>
    public int BaudRate { get; set; } = 38400;

    /// <summary>
    /// The first RFY address (20 bits) of the gateway's block: channel N is address AddressBase + N. Chosen away from
    /// the low addresses other software tends to pick on a shared transceiver.
    /// </summary>
    public int AddressBase { get; set; } = 0x0A0000;

    /// <summary>How long the transceiver may take to answer (ACK/NAK) before the frame counts as lost.</summary>
    public double ResponseTimeoutSeconds { get; set; } = 2;

    /// <summary>How often a lost or refused (NAK) frame is sent again before the command fails.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>How long after the reset the interface is left to settle before its input is read again.</summary>
    public double ResetSettleMilliseconds { get; set; } = 500;

    /// <summary>A command arriving while the transceiver is reconnecting waits this long for the link.</summary>
    public double LinkWaitSeconds { get; set; } = 5;
}
