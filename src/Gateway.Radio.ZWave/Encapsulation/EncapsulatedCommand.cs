namespace Gateway.Radio.ZWave.Encapsulation;

/// <summary>A command class payload with where it came from or goes to: the node's root (endpoint 0) or an endpoint.</summary>
public sealed record EncapsulatedCommand(byte NodeId, byte Endpoint, byte[] Payload);
