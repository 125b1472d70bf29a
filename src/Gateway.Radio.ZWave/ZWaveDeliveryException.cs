namespace Gateway.Radio.ZWave;

/// <summary>The controller could not deliver a frame to a node (no ACK from the node, or it refused to send).</summary>
public sealed class ZWaveDeliveryException(string message) : Exception(message);
