using Gateway.Daemon.Hosting;

namespace Gateway.Daemon.Tests;

public class MemoryTrimPolicyTests
{
    private const long Quiet = MemoryTrimPolicy.QuietAllocationBytes / 2;
    private const long Busy = MemoryTrimPolicy.QuietAllocationBytes * 50;
    private const long LotsOfSlack = MemoryTrimPolicy.WorthwhileSlackBytes * 3;

    [Fact]
    public void The_first_check_only_takes_a_reading()
    {
        var policy = new MemoryTrimPolicy();

        Assert.False(policy.ShouldTrim(1_000, LotsOfSlack));
    }

    [Fact]
    public void A_quiet_spell_after_a_burst_trims_once()
    {
        var policy = new MemoryTrimPolicy();
        long allocated = 0;
        policy.ShouldTrim(allocated, 0);

        Assert.False(policy.ShouldTrim(allocated += Busy, LotsOfSlack));
        Assert.True(policy.ShouldTrim(allocated += Quiet, LotsOfSlack));
        Assert.False(policy.ShouldTrim(allocated += Quiet, LotsOfSlack));
        Assert.False(policy.ShouldTrim(allocated + Quiet, LotsOfSlack));
    }

    [Fact]
    public void Busy_work_in_between_allows_the_next_trim()
    {
        var policy = new MemoryTrimPolicy();
        long allocated = 0;
        policy.ShouldTrim(allocated, 0);
        Assert.True(policy.ShouldTrim(allocated += Quiet, LotsOfSlack));

        Assert.False(policy.ShouldTrim(allocated += Busy, LotsOfSlack));
        Assert.True(policy.ShouldTrim(allocated + Quiet, LotsOfSlack));
    }

    [Fact]
    public void Little_unused_heap_is_not_worth_a_full_collection_until_it_grows()
    {
        var policy = new MemoryTrimPolicy();
        long allocated = 0;
        policy.ShouldTrim(allocated, 0);

        Assert.False(policy.ShouldTrim(allocated += Quiet, MemoryTrimPolicy.WorthwhileSlackBytes - 1));
        Assert.True(policy.ShouldTrim(allocated + Quiet, MemoryTrimPolicy.WorthwhileSlackBytes));
    }
}
