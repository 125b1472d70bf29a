namespace Gateway.Api.Infrastructure;

public static class ApiPaths
{
    /// <summary>Where a TaHoma box serves its local API; clients hard-code it.</summary>
    public const string Prefix = "/enduser-mobile-web/1/enduserAPI";

    /// <summary>The largest request body accepted (an action group for every device of a large home fits easily).</summary>
    public const long MaxBodyBytes = 256 * 1024;
}
