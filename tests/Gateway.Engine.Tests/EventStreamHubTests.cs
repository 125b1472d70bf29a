using System.Text;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Gateway.Core.Model;
using Gateway.Engine.Streams;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

public class EventStreamHubTests
{
    private readonly ManualTimeProvider _time = new();

    private EventStreamHub Hub(int replay = 16, int queue = 16, int maxStreams = 4, int perToken = 2) =>
        new(new EventStreamOptions { ReplayWindow = replay, ClientQueueCapacity = queue, MaxStreams = maxStreams, MaxStreamsPerToken = perToken },
            _time, NullLogger<EventStreamHub>.Instance);

    private static DeviceStateChangedEvent Change(int value) =>
        new("io://1234-5678-1234/1", [DeviceState.Of("core:ClosureState", value)]);

    private static List<StreamedEvent> Drain(EventStreamClient client)
    {
        var events = new List<StreamedEvent>();
        while (client.Events.TryRead(out var streamed)) events.Add(streamed);
        return events;
    }

    [Fact]
    public void An_open_stream_receives_each_event_as_the_JSON_a_listener_fetches()
    {
        var hub = Hub();
        using var client = hub.Open("a", null);
        var change = Change(7);

        hub.OnEvent(change);

        var streamed = Assert.Single(Drain(client));
        Assert.Equal(EventJson.Serialize(change), streamed.Json);
        Assert.False(client.IsReset);
        Assert.Empty(client.Replay);
    }

    [Fact]
    public void Ids_increase_by_one_and_start_from_the_clock_so_an_earlier_run_is_always_older()
    {
        var hub = Hub();
        using var client = hub.Open("a", null);
        hub.OnEvent(Change(1));
        hub.OnEvent(Change(2));

        var ids = Drain(client).Select(e => e.Id).ToList();

        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds() * 1000, ids[0]);
        Assert.Equal(ids[0] + 1, ids[1]);
    }

    [Fact]
    public void Reopening_with_the_last_seen_id_replays_exactly_the_missed_events()
    {
        var hub = Hub();
        long lastSeen;
        using (var first = hub.Open("a", null))
        {
            hub.OnEvent(Change(1));
            lastSeen = Drain(first).Single().Id;
        }
        hub.OnEvent(Change(2));
        hub.OnEvent(Change(3));

        using var resumed = hub.Open("a", lastSeen.ToString());
        hub.OnEvent(Change(4));

        Assert.False(resumed.IsReset);
        Assert.Equal(["2", "3"], resumed.Replay.Select(e => ValueOf(e.Json)));
        Assert.Equal(["4"], Drain(resumed).Select(e => ValueOf(e.Json)));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("not-a-number")]
    [InlineData("-1")]
    public void Reopening_with_an_id_no_longer_held_starts_with_a_reset_at_the_newest_id(string lastEventId)
    {
        var hub = Hub(replay: 2);
        using var probe = hub.Open("b", null);
        for (var i = 0; i < 5; i++) hub.OnEvent(Change(i));
        var newest = Drain(probe)[^1].Id;

        using var client = hub.Open("a", lastEventId);

        Assert.True(client.IsReset);
        Assert.Empty(client.Replay);
        Assert.Equal(newest, client.ResetId);
    }

    [Fact]
    public void A_client_that_falls_a_whole_queue_behind_is_dropped_and_the_others_keep_receiving()
    {
        var hub = Hub(queue: 3);
        using var slow = hub.Open("a", null);
        using var fast = hub.Open("b", null);
        var fastSeen = 0;

        for (var i = 0; i < 10; i++)
        {
            hub.OnEvent(Change(i));
            fastSeen += Drain(fast).Count;
        }

        Assert.True(slow.WasDropped);
        Assert.Equal(3, Drain(slow).Count);
        Assert.True(slow.Events.Completion.IsCompleted);
        Assert.Equal(10, fastSeen);
        Assert.False(fast.WasDropped);
        Assert.True(SpinWait.SpinUntil(() => slow.Dropped.IsCancellationRequested && hub.Count == 1 && hub.Dropped == 1, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Streams_per_token_and_in_all_are_limited_and_a_closed_stream_frees_its_slot()
    {
        var hub = Hub(maxStreams: 3, perToken: 2);
        var a1 = hub.Open("a", null);
        using var a2 = hub.Open("a", null);

        var perToken = Assert.Throws<OverkizException>(() => hub.Open("a", null));
        Assert.Contains("for this token (limit 2)", perToken.Error.Error);
        using var b1 = hub.Open("b", null);
        var global = Assert.Throws<OverkizException>(() => hub.Open("c", null));
        Assert.Contains("(limit 3)", global.Error.Error);

        a1.Dispose();
        using var a3 = hub.Open("a", null);
        Assert.Equal(3, hub.Count);
    }

    private static string ValueOf(byte[] json)
    {
        var text = Encoding.UTF8.GetString(json);
        var at = text.IndexOf("\"value\":", StringComparison.Ordinal) + 8;
        return text[at..].Split(',', '}')[0].Trim('"');
    }
}
