namespace Gateway.Radio.Zigbee;

/// <summary>A device answered an interview request with an error status (or not in a usable form).</summary>
public sealed class ZigbeeInterviewException(string message) : Exception(message);
