using System.Text;
using Gateway.Engine.Streams;

namespace Gateway.Engine.Tests;

public class EventReplayBufferTests
{
    private static byte[] Json(int n) => Encoding.UTF8.GetBytes($"{{\"n\":{n}}}");

    private static EventReplayBuffer Filled(int capacity, long firstId, int events)
    {
        var buffer = new EventReplayBuffer(capacity, firstId);
        for (var i = 0; i < events; i++) buffer.Append(Json(i));
        return buffer;
    }

    [Fact]
    public void Appended_events_get_consecutive_ids_from_the_first()
    {
        var buffer = new EventReplayBuffer(4, 1000);
        Assert.Equal(1000, buffer.Append(Json(0)).Id);
        Assert.Equal(1001, buffer.Append(Json(1)).Id);
        Assert.Equal(1001, buffer.NewestId);
        Assert.Equal(1000, buffer.OldestId);
    }

    [Fact]
    public void Resuming_after_an_event_in_the_window_returns_exactly_the_later_ones_in_order()
    {
        var buffer = Filled(8, 100, 6);

        var missed = buffer.After(102)!;

        Assert.Equal([103L, 104L, 105L], missed.Select(e => e.Id));
        Assert.Equal("{\"n\":3}", Encoding.UTF8.GetString(missed[0].Json));
    }

    [Fact]
    public void Resuming_from_the_newest_event_returns_nothing()
    {
        Assert.Empty(Filled(8, 100, 6).After(105)!);
    }

    [Fact]
    public void Resuming_just_before_the_oldest_held_event_returns_the_whole_window()
    {
        var buffer = Filled(4, 100, 10);

        Assert.Equal(106, buffer.OldestId);
        Assert.Equal([106L, 107L, 108L, 109L], buffer.After(105)!.Select(e => e.Id));
    }

    [Fact]
    public void An_id_older_than_the_window_cannot_be_resumed()
    {
        Assert.Null(Filled(4, 100, 10).After(104));
    }

    [Fact]
    public void An_id_never_given_cannot_be_resumed()
    {
        Assert.Null(Filled(4, 100, 3).After(103));
    }

    [Fact]
    public void An_empty_buffer_resumes_from_the_id_before_its_first_and_nothing_else()
    {
        var buffer = new EventReplayBuffer(4, 100);

        Assert.Empty(buffer.After(99)!);
        Assert.Null(buffer.After(50));
        Assert.Null(buffer.After(100));
    }

    [Fact]
    public void The_window_wraps_around_the_ring_and_keeps_order()
    {
        var buffer = Filled(3, 0, 1000);

        Assert.Equal([998L, 999L], buffer.After(997)!.Select(e => e.Id));
        Assert.Equal("{\"n\":999}", Encoding.UTF8.GetString(buffer.After(998)![0].Json));
    }
}
