namespace Gateway.Radio.Rts.Tests;

public class ClosureEstimatorTests
{
    [Fact]
    public void With_travel_durations_a_stop_half_way_is_estimated_from_the_time_moved()
    {
        var time = new ManualTime();
        var estimate = new ClosureEstimator(time);
        estimate.SetDurations(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10));
        estimate.Restore(0);
        estimate.Start(+1);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(estimate.IsMoving);
        Assert.Equal(40, estimate.Stop());
        Assert.False(estimate.IsMoving);
        Assert.Equal(TimeSpan.FromSeconds(6), estimate.TimeTo(10, out var direction));
        Assert.Equal(-1, direction);
    }

    [Fact]
    public void A_move_past_its_travel_time_ends_at_the_end_and_is_no_longer_moving()
    {
        var time = new ManualTime();
        var estimate = new ClosureEstimator(time);
        estimate.SetDurations(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        estimate.Restore(30);
        estimate.Start(-1);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(estimate.IsMoving);
        Assert.Equal(0, estimate.Current());
    }

    [Fact]
    public void Without_durations_the_ends_are_known_but_a_stop_while_moving_is_not()
    {
        var time = new ManualTime();
        var estimate = new ClosureEstimator(time);
        Assert.Null(estimate.Current());
        estimate.Start(+1);
        Assert.Equal(100, estimate.Current());
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(estimate.IsMoving);
        Assert.Null(estimate.Stop());
        Assert.Null(estimate.TimeTo(50, out _));
    }

    [Fact]
    public void My_from_standstill_goes_to_the_memorized_position_when_known()
    {
        var estimate = new ClosureEstimator(new ManualTime());
        estimate.Restore(0);
        Assert.Null(estimate.GoToMy());
        estimate.MyPosition = 35;
        Assert.Equal(35, estimate.GoToMy());
        Assert.Equal(35, estimate.Current());
    }
}
