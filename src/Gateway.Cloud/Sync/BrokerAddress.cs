namespace Gateway.Cloud.Sync;

/// <summary>The parsed Gateway:Cloud:BrokerUri.</summary>
public sealed record BrokerAddress(string Host, int Port, bool UseTls)
{
    /// <summary>Null with an <paramref name="error"/> when the text is not mqtt://host[:port] or mqtts://host[:port].</summary>
    public static BrokerAddress? TryParse(string text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || string.IsNullOrEmpty(uri.Host)
            || uri.AbsolutePath is not ("" or "/") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            error = $"Gateway:Cloud:BrokerUri must be mqtt://host[:port] or mqtts://host[:port], not '{text}' (credentials go in Gateway:Cloud:Username and Password)";
            return null;
        }
        var tls = uri.Scheme == "mqtts";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 8883 : 1883) : uri.Port;
        return new BrokerAddress(uri.IdnHost.Trim('[', ']'), port, tls);
    }
}
