namespace Gateway.Radio.Io;

/// <summary>Gateway:Radios:Io settings.</summary>
public sealed class IoRadioOptions
{
    /// <summary>The KLF-200: <c>tls://host:51200</c>. Empty leaves the radio off.</summary>
    public string Port { get; set; } = "";

    /// <summary>The interface's password (the WiFi password printed on its back unless changed).</summary>
    public string Password { get; set; } = "";

    /// <summary>SHA-256 fingerprint of the interface's certificate (hex, colons allowed); empty accepts any with a warning.</summary>
    public string CertificateFingerprint { get; set; } = "";

    /// <summary>Seconds of quiet after which a GW_GET_STATE keeps the link alive (the interface drops it after 15 minutes).</summary>
    public double KeepAliveSeconds { get; set; } = 600;

    /// <summary>How long a request waits for its confirmation.</summary>
    public double RequestTimeoutSeconds { get; set; } = 5;

    /// <summary>How long a command session may run before it is given up (motors take up to a minute or two).</summary>
    public double CommandTimeoutSeconds { get; set; } = 180;

    /// <summary>How long a discovery of new io nodes may take.</summary>
    public double DiscoveryTimeoutSeconds { get; set; } = 300;
}
