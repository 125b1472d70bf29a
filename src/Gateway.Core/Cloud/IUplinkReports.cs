using Gateway.Core.Events;

namespace Gateway.Core.Cloud;

/// <summary>
/// Lets a store commit a change together with the uplink messages of the event that reports it. The event is then
/// published on the bus as usual, and the cloud writer knows not to store it a second time.
/// </summary>
public interface IUplinkReports
{
    /// <summary>The messages reporting <paramref name="report"/>, or null when cloud sync is off.</summary>
    IReadOnlyList<OutboxMessage>? Carry(GatewayEvent report);
}
