namespace Gateway.Cloud.Sync;

/// <summary>Gateway:Cloud:Outbox: how much the gateway buffers on disk while the cloud is unreachable.</summary>
public sealed class CloudOutboxOptions
{
    public long MaxMessages { get; set; } = 1_000_000;
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
    public double MaxAgeHours { get; set; } = 7 * 24;
}
