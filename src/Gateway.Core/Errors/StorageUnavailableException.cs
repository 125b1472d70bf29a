namespace Gateway.Core.Errors;

/// <summary>
/// The gateway's own storage refused a write (disk full, I/O error). Not the client's fault: the API answers 507,
/// the engine keeps what it could not write and tries again.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception innerException) : Exception(message, innerException);
