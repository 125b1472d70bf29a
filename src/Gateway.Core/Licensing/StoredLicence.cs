namespace Gateway.Core.Licensing;

/// <summary>The licence as kept in the settings table, with the time it was received.</summary>
public sealed record StoredLicence(CustomerLicence Record, long UpdateTime);
