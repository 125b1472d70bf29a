using System.Globalization;
using Gateway.Cloud.Sync;

namespace Gateway.Daemon.Metrics;

/// <summary>The cloud link's part of <c>/gatewayd/metrics</c>, present only when cloud sync is configured.</summary>
public static class CloudMetrics
{
    public static async Task WriteAsync(PrometheusText text, CloudSyncService cloud, CancellationToken cancellationToken)
    {
        var outbox = await cloud.OutboxCountersAsync(cancellationToken);
        text.Family("gatewayd_cloud_connected", "gauge", "1 while the MQTT link to the cloud is up.")
            .Sample("gatewayd_cloud_connected", cloud.Connected ? 1 : 0);
        text.Family("gatewayd_cloud_outbox_messages", "gauge", "Uplink messages stored and not yet acknowledged by the broker.")
            .Sample("gatewayd_cloud_outbox_messages", outbox.Pending);
        text.Family("gatewayd_cloud_outbox_bytes", "gauge", "Payload bytes of those messages.")
            .Sample("gatewayd_cloud_outbox_bytes", outbox.PendingBytes);
        text.Family("gatewayd_cloud_messages_total", "counter", "Uplink messages by fate: delivered (PUBACK), refused by the broker, coalesced or dropped by the outbox bounds.")
            .Sample("gatewayd_cloud_messages_total", cloud.Publisher.Delivered, ("fate", "delivered"))
            .Sample("gatewayd_cloud_messages_total", cloud.Publisher.Rejected, ("fate", "refused"))
            .Sample("gatewayd_cloud_messages_total", outbox.Coalesced, ("fate", "coalesced"))
            .Sample("gatewayd_cloud_messages_total", outbox.Dropped, ("fate", "dropped"));
        WriteLatency(text, cloud.Publisher.Latency.Histogram);
    }

    private static void WriteLatency(PrometheusText text, LatencyHistogram histogram)
    {
        const string name = "gatewayd_cloud_uplink_latency_seconds";
        text.Family(name, "histogram", "Change to PUBACK of uplink messages committed while the link was up.");
        var counts = histogram.CumulativeCounts();
        for (var i = 0; i < LatencyHistogram.Bounds.Length; i++)
            text.Sample(name + "_bucket", counts[i], ("le", LatencyHistogram.Bounds[i].ToString("R", CultureInfo.InvariantCulture)));
        text.Sample(name + "_bucket", counts[^1], ("le", "+Inf"));
        text.Sample(name + "_sum", histogram.SumSeconds);
        text.Sample(name + "_count", counts[^1]);
    }
}
