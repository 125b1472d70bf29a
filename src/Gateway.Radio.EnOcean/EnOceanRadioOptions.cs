namespace Gateway.Radio.EnOcean;

/// <summary>Configuration section <c>Gateway:Radios:EnOcean</c>.</summary>
public sealed class EnOceanRadioOptions
{
    /// <summary>A serial device (/dev/ttyUSB0, /dev/serial/by-id/…) or <c>tcp://host:port</c>; empty keeps the radio off.</summary>
    public string Port { get; set; } = "";

    /// <summary>ESP3 dongles (USB 300, TCM 310) speak 57600 baud.</summary>
    public int BaudRate { get; set; } = 57600;

    /// <summary>A sensor silent for this long is shown unavailable (they report every 10-20 minutes, more often on change).</summary>
    public double SensorTimeoutMinutes { get; set; } = 60;

    /// <summary>How long an actuator may take to confirm a command before it counts as not answering.</summary>
    public double ActuatorTimeoutSeconds { get; set; } = 2;
}
