using Gateway.Radio.Io.Devices;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Tests;

public class IoCommandSessionTests
{
    [Fact]
    public void A_long_remaining_time_is_passed_to_the_engine_and_extends_the_wait()
    {
        var time = new SteppedTime();
        var progress = new RecordingProgress();
        var session = new IoCommandSession(7, progress, time);
        var started = time.GetTimestamp();
        Assert.Equal(TimeSpan.FromSeconds(180), session.TimeLeft(TimeSpan.FromSeconds(180), started));

        session.OnRemainingTime(new CommandRemainingTime(7, 0, 0, 300));
        time.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal(TimeSpan.FromSeconds(300) + IoCommandSession.FinishMargin, Assert.Single(progress.Expected));
        Assert.Equal(TimeSpan.FromSeconds(210), session.TimeLeft(TimeSpan.FromSeconds(180), started));
    }

    [Fact]
    public void A_short_remaining_time_leaves_the_command_timeout_as_it_is()
    {
        var time = new SteppedTime();
        var session = new IoCommandSession(7, new RecordingProgress(), time);
        var started = time.GetTimestamp();
        session.OnRemainingTime(new CommandRemainingTime(7, 0, 0, 5));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(150), session.TimeLeft(TimeSpan.FromSeconds(180), started));
    }

    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
