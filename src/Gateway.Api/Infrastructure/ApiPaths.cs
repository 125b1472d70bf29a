namespace Gateway.Api.Infrastructure;

public static class ApiPaths
{
    /// <summary>Where a TaHoma box serves its local API; clients hard-code it.</summary>
    public const string Prefix = "/enduser-mobile-web/1/enduserAPI";

    /// <summary>Prometheus text metrics: open from loopback, bearer token from anywhere else.</summary>
    public const string MetricsPath = "/gatewayd/metrics";

    /// <summary>The server-wide cap on request bodies; each route reads within its own, smaller limit.</summary>
    public const long MaxBodyBytes = Gateway.Core.Limits.ApiLimits.ServerBodyBytes;
}
