namespace Gateway.Radio.ZWave;

/// <summary>Configuration section <c>Gateway:Radios:ZWave</c>.</summary>
public sealed class ZWaveRadioOptions
{
    /// <summary>A serial device (/dev/ttyACM0, /dev/serial/by-id/…) or <c>tcp://host:port</c>; empty keeps the radio off.</summary>
    public string Port { get; set; } = "";

    /// <summary>Every Z-Wave Serial API controller (500/700/800 series) speaks 115200 baud.</summary>
    public int BaudRate { get; set; } = 115200;

    /// <summary>How long the controller may take to ACK a frame (the Serial API's 1600 ms).</summary>
    public double AckTimeoutMilliseconds { get; set; } = 1600;

    /// <summary>How long the controller may take to answer a request it ACKed.</summary>
    public double ResponseTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a SendData callback may take.</summary>
    public double SendDataCallbackTimeoutSeconds { get; set; } = 65;

    /// <summary>How long a node may take to send its node information frame after RequestNodeInfo.</summary>
    public double NodeInfoTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a node may take to answer a Get with its report.</summary>
    public double ReportTimeoutSeconds { get; set; } = 10;

    /// <summary>How long an execution waits for the device to report it reached its target (a shutter that travels).</summary>
    public double CommandConfirmTimeoutSeconds { get; set; } = 90;

    /// <summary>While a device moves towards a target, how often it is asked where it is.</summary>
    public double ConfirmPollSeconds { get; set; } = 2;

    /// <summary>The wake-up interval set on sleeping nodes at their interview (seconds; the controller is the node they notify).</summary>
    public int WakeUpIntervalSeconds { get; set; } = 3600;

    /// <summary>
    /// How late past its wake-up interval a sleeping node may wake up before a command waiting for it fails (seconds;
    /// a tenth of the interval when that is longer).
    /// </summary>
    public double WakeUpGraceSeconds { get; set; } = 300;

    /// <summary>
    /// Listening nodes that sent nothing for this long are read (their main state); 0 turns polling off. Nodes that
    /// report on their own are never asked.
    /// </summary>
    public double PollIntervalSeconds { get; set; } = 600;
}
