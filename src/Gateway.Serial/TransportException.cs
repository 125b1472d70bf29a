namespace Gateway.Serial;

public sealed class TransportException(string message, Exception? inner = null) : IOException(message, inner);
