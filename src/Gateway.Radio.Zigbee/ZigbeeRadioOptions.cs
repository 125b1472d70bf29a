namespace Gateway.Radio.Zigbee;

/// <summary>Configuration section <c>Gateway:Radios:Zigbee</c>.</summary>
public sealed class ZigbeeRadioOptions
{
    /// <summary>A serial device (/dev/ttyUSB0, /dev/serial/by-id/…) or <c>tcp://host:port</c>; empty keeps the radio off.</summary>
    public string Port { get; set; } = "";

    /// <summary>Z-Stack ZNP firmwares for CC2652/CC1352 and CC2531 speak 115200 baud.</summary>
    public int BaudRate { get; set; } = 115200;

    /// <summary>Channel a new network is formed on (11-26; 11, 15, 20 and 25 stay clear of the usual Wi-Fi channels).</summary>
    public int Channel { get; set; } = 11;

    /// <summary>How long permit-join stays open when pairing names no duration (Zigbee caps it at 254 s).</summary>
    public int PermitJoinSeconds { get; set; } = 254;

    /// <summary>How long the coordinator may take to report the coordinator state after ZDO_STARTUP_FROM_APP.</summary>
    public double StartupTimeoutSeconds { get; set; } = 30;

    /// <summary>How long the coordinator may take to answer a synchronous request; past it the link is reset and restarted.</summary>
    public double SrspTimeoutSeconds { get; set; } = 6;

    /// <summary>A coordinator silent this long is pinged (SYS_PING); no answer means it is wedged and is reset. 0 turns the watchdog off.</summary>
    public double WatchdogIntervalSeconds { get; set; } = 30;

    /// <summary>How long a device may take to answer one ZDO interview request.</summary>
    public double ZdoResponseTimeoutSeconds { get; set; } = 10;

    /// <summary>Interview attempts before a device is reported as failed.</summary>
    public int InterviewAttempts { get; set; } = 5;

    /// <summary>Wait before the first interview retry; doubles with each further attempt (at most 10 min).</summary>
    public double InterviewRetrySeconds { get; set; } = 5;

    /// <summary>How long AF_DATA_CONFIRM may take after an AF data request.</summary>
    public double AfConfirmTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a device may take to answer a ZCL request (a command's default response, a read).</summary>
    public double ZclResponseTimeoutSeconds { get; set; } = 10;

    /// <summary>How often device availability is checked. 0 turns availability off.</summary>
    public double AvailabilityCheckSeconds { get; set; } = 60;

    /// <summary>A mains-powered device silent this long is pinged (a read of its Basic cluster); no answer makes it unavailable.</summary>
    public double MainsSilenceSeconds { get; set; } = 600;

    /// <summary>
    /// A battery device silent this long is unavailable: it sleeps and cannot be pinged, and it reports its battery at
    /// least every 6 h, so the default is twice that.
    /// </summary>
    public double BatterySilenceSeconds { get; set; } = 43200;
}
