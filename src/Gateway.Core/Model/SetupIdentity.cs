namespace Gateway.Core.Model;

/// <summary>The identifiers that make this box itself: generated on first start and kept forever.</summary>
public sealed record SetupIdentity(string GatewayId, string SetupOid, string RootPlaceOid, long CreationTime)
{
    /// <summary>The protocol version this gateway reports in /apiVersion and /setup/gateways.</summary>
    public const string ProtocolVersion = "2025.4.4-9";
}
