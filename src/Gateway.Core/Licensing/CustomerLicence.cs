namespace Gateway.Core.Licensing;

/// <summary>
/// The customer record the cloud pushes to the gateway (seed 003): who owns it and what the licence allows.
/// <see cref="LicenseTill"/> is in milliseconds since 1970-01-01 UTC, as the record carries it.
/// <see cref="EncryptionKey"/> is stored but never logged or served.
/// </summary>
public sealed record CustomerLicence
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public long Cid { get; init; }
    public string? EncryptionKey { get; init; }
    public int? DeviceSearchingRange { get; init; }
    public int DeviceNumberLimitation { get; init; }
    public string? LicensingEnhancement { get; init; }
    public string? GoogleApiKey { get; init; }
    public long LicenseTill { get; init; }
}
