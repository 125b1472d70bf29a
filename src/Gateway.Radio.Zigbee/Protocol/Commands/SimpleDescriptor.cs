namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>One endpoint's simple descriptor: profile, device id and the server (in) and client (out) clusters.</summary>
public sealed record SimpleDescriptor(byte Endpoint, ushort ProfileId, ushort DeviceId, byte DeviceVersion, IReadOnlyList<ushort> InClusters, IReadOnlyList<ushort> OutClusters);
