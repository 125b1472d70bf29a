using Gateway.Cloud.Mqtt;

namespace Gateway.Cloud.Tests.Mqtt;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delays_double_up_to_the_maximum_each_drawn_between_half_and_all_of_its_step()
    {
        var backoff = new ReconnectBackoff(2, 10, new Random(7));
        var steps = new[] { 2.0, 4, 8, 10, 10 };

        foreach (var step in steps)
        {
            var delay = backoff.Next().TotalSeconds;
            Assert.InRange(delay, step / 2, step);
        }
    }

    [Fact]
    public void Two_clients_do_not_wait_the_same_time_and_a_reset_starts_again_from_the_first_step()
    {
        var first = new ReconnectBackoff(4, 30, new Random(1));
        var second = new ReconnectBackoff(4, 30, new Random(2));
        Assert.NotEqual(first.Next(), second.Next());

        first.Next();
        first.Next();
        first.Reset();

        Assert.InRange(first.Next().TotalSeconds, 2, 4);
    }
}
