using System.Collections.Concurrent;
using System.Text;
using Gateway.Core.Cloud;
using Gateway.Core.Events;

namespace Gateway.Engine.Tests;

/// <summary>Stands for the cloud writer: each carried event becomes one message naming it, and is remembered.</summary>
internal sealed class RecordingUplinkReports : IUplinkReports
{
    public ConcurrentQueue<GatewayEvent> Carried { get; } = new();

    public IReadOnlyList<OutboxMessage>? Carry(GatewayEvent report)
    {
        Carried.Enqueue(report);
        return [new OutboxMessage(OutboxKind.Event, "events", Encoding.UTF8.GetBytes(report.Name), null, 0)];
    }
}
