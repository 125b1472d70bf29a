namespace Gateway.Cloud.Sync;

/// <summary>The topic tree of one gateway: everything under &lt;prefix&gt;/&lt;gatewayId&gt;/.</summary>
public sealed class CloudTopics(string prefix, string gatewayId)
{
    public string Root { get; } = $"{prefix.TrimEnd('/')}/{gatewayId}";
    public string Presence => $"{Root}/presence";
    public string Requests => $"{Root}/requests/+";
    public string RequestPrefix => $"{Root}/requests/";

    public string Absolute(string relative) => $"{Root}/{relative}";

    public const string Events = "events";

    public static string State(string deviceUrl) => $"states/{Uri.EscapeDataString(deviceUrl)}";

    public static string Response(string requestId) => $"responses/{requestId}";
}
