using System.Text;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Engine.Listeners;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

public class EventListenerRegistryTests
{
    private readonly ManualTimeProvider _time = new();

    private EventListenerRegistry Registry(int maxListeners = 4, int maxEvents = 100) =>
        new(new ListenerOptions { MaxListeners = maxListeners, MaxEventsPerListener = maxEvents }, _time, NullLogger<EventListenerRegistry>.Instance);

    private static DeviceStateChangedEvent Change(int value) =>
        new("io://1234-5678-1234/1", [DeviceState.Of("core:ClosureState", value)]);

    [Fact]
    public void Fetch_returns_what_happened_since_the_previous_fetch()
    {
        using var registry = Registry();
        registry.OnEvent(Change(1));
        var id = registry.Register();
        registry.OnEvent(Change(2));
        registry.OnEvent(Change(3));

        var first = registry.Fetch(id)!;
        registry.OnEvent(Change(4));
        var second = registry.Fetch(id)!;

        Assert.Equal(2, first.Count);
        Assert.Contains("\"value\":2", Encoding.UTF8.GetString(first[0]));
        Assert.Single(second);
        Assert.Empty(registry.Fetch(id)!);
    }

    [Fact]
    public void Fetch_after_ten_minutes_idle_finds_no_registered_listener()
    {
        using var registry = Registry();
        var id = registry.Register();
        _time.Advance(TimeSpan.FromMinutes(9), TimeSpan.FromSeconds(1));
        Assert.NotNull(registry.Fetch(id));

        _time.Advance(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));

        Assert.Null(registry.Fetch(id));
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Fetching_keeps_a_listener_alive()
    {
        using var registry = Registry();
        var id = registry.Register();
        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));
            Assert.NotNull(registry.Fetch(id));
        }
    }

    [Fact]
    public void A_slow_listener_keeps_only_the_newest_events()
    {
        using var registry = Registry(maxEvents: 10);
        var id = registry.Register();
        for (var i = 0; i < 25; i++) registry.OnEvent(Change(i));

        var events = registry.Fetch(id)!;

        Assert.Equal(10, events.Count);
        Assert.Contains("\"value\":24", Encoding.UTF8.GetString(events[^1]));
    }

    [Fact]
    public void The_number_of_listeners_is_bounded()
    {
        using var registry = Registry(maxListeners: 2);
        registry.Register();
        registry.Register();
        Assert.Throws<OverkizException>(() => registry.Register());
    }

    [Fact]
    public void A_token_at_its_own_limit_leaves_the_other_slots_to_other_tokens()
    {
        using var registry = new EventListenerRegistry(new ListenerOptions { MaxListeners = 4, MaxListenersPerToken = 2 }, _time, NullLogger<EventListenerRegistry>.Instance);
        registry.Register("a");
        registry.Register("a");
        var refused = Assert.Throws<OverkizException>(() => registry.Register("a"));
        Assert.Contains("for this token (limit 2)", refused.Error.Error);
        registry.Register("b");
        registry.Register("b");
        Assert.Contains("(limit 4)", Assert.Throws<OverkizException>(() => registry.Register("c")).Error.Error);
    }

    [Fact]
    public void Unregistered_listeners_are_gone()
    {
        using var registry = Registry();
        var id = registry.Register();
        Assert.True(registry.Unregister(id));
        Assert.False(registry.Unregister(id));
        Assert.Null(registry.Fetch(id));
    }
}
