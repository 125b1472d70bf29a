namespace Gateway.Daemon.Hosting;

/// <summary>
/// When <see cref="MemoryTrimmer"/> collects: on the first check that finds the daemon quiet (little allocated since
/// the previous check) while the heap holds enough unused memory to be worth a full blocking collection; then not
/// again until the daemon has been busy in between.
/// </summary>
public sealed class MemoryTrimPolicy
{
    /// <summary>Below this many bytes allocated between two checks the daemon counts as quiet.</summary>
    public const long QuietAllocationBytes = 1 << 20;

    /// <summary>A trim is only worth a full blocking collection when it can give back at least this much.</summary>
    public const long WorthwhileSlackBytes = 8 << 20;

    private long? _allocatedAtLastCheck;
    private bool _trimmedThisQuietSpell;

    /// <param name="totalAllocatedBytes">Bytes allocated since the process started, as of now.</param>
    /// <param name="slackBytes">Heap memory committed but not holding live objects.</param>
    public bool ShouldTrim(long totalAllocatedBytes, long slackBytes)
    {
        var quiet = _allocatedAtLastCheck is { } before && totalAllocatedBytes - before < QuietAllocationBytes;
        _allocatedAtLastCheck = totalAllocatedBytes;
        if (!quiet)
        {
            _trimmedThisQuietSpell = false;
            return false;
        }
        if (_trimmedThisQuietSpell || slackBytes < WorthwhileSlackBytes) return false;
        _trimmedThisQuietSpell = true;
        return true;
    }
}
