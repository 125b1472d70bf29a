namespace Gateway.Core.Licensing;

/// <summary>What GET /gatewayd/licence serves: the record without its secrets, and what it means today.</summary>
public sealed record LicenceView(
    bool Present,
    long? Id,
    string? Name,
    string? ShortName,
    long? Cid,
    int? DeviceSearchingRange,
    int? DeviceNumberLimitation,
    string? LicensingEnhancement,
    long? LicenseTill,
    bool HasEncryptionKey,
    int PairedDevices,
    bool Expired,
    bool PairingAllowed,
    long? UpdateTime);
