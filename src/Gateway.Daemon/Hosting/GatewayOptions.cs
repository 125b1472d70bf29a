namespace Gateway.Daemon.Hosting;

/// <summary>The <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The name the box shows for itself (pod label).</summary>
    public string Label { get; set; } = "gatewayd";

    public ApiOptions Api { get; set; } = new();
}

public sealed class ApiOptions
{
    public string BindAddress { get; set; } = "0.0.0.0";
    public int HttpsPort { get; set; } = 8443;

    /// <summary>Plain HTTP for development; 0 (the default) keeps it off.</summary>
    public int HttpPort { get; set; }
}
