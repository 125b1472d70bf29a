namespace Gateway.Cloud.Mqtt;

/// <summary>libmosquitto cannot be loaded or is too old: a start-up error with what to install.</summary>
public sealed class MosquittoUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
