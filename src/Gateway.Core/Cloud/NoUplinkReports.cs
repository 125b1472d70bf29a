using Gateway.Core.Events;

namespace Gateway.Core.Cloud;

/// <summary>Cloud sync off: changes commit alone.</summary>
public sealed class NoUplinkReports : IUplinkReports
{
    public static readonly NoUplinkReports Instance = new();

    public IReadOnlyList<OutboxMessage>? Carry(GatewayEvent report) => null;
}
