namespace Gateway.Cloud.Mqtt;

/// <summary>How to reach the broker. A <see cref="Will"/> is published by the broker when the link dies uncleanly.</summary>
public sealed record MqttClientOptions
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required string ClientId { get; init; }
    public bool UseTls { get; init; }
    public string? CaFile { get; init; }
    public string? CertFile { get; init; }
    public string? KeyFile { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public int KeepAliveSeconds { get; init; } = 30;

    /// <summary>Publishes that may await their PUBACK at once.</summary>
    public int MaxInflight { get; init; } = 1000;

    /// <summary>First reconnect delay before jitter; it doubles up to <see cref="ReconnectMaxSeconds"/>.</summary>
    public int ReconnectDelaySeconds { get; init; } = 1;
    public int ReconnectMaxSeconds { get; init; } = 30;
    public bool PreferMqtt5 { get; init; } = true;

    /// <summary>MQTT 5: how long the broker keeps the session (subscriptions, queued downlink) after the link drops.</summary>
    public uint SessionExpirySeconds { get; init; } = 86_400;
    public MqttWill? Will { get; init; }
}
