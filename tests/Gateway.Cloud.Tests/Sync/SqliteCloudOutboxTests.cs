using System.Text;
using Gateway.Core.Cloud;
using Gateway.Storage.Cloud;

namespace Gateway.Cloud.Tests.Sync;

public sealed class SqliteCloudOutboxTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-outbox-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private Task<SqliteCloudOutbox> OpenAsync(long maxMessages = 1000, long maxBytes = 1 << 20, double maxAgeHours = 24) =>
        SqliteCloudOutbox.OpenAsync(_directory, new OutboxLimits(maxMessages, maxBytes, TimeSpan.FromHours(maxAgeHours)), TimeProvider.System, CancellationToken.None);

    private static OutboxMessage State(string device, string state, int value) =>
        new(OutboxKind.State, $"states/{device}", Encoding.UTF8.GetBytes($"{state}={value}"), $"{device}\n{state}", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static OutboxMessage Of(OutboxKind kind, string text, long? createdAt = null) =>
        new(kind, "events", Encoding.UTF8.GetBytes(text), null, createdAt ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static async Task<List<string>> PayloadsAsync(SqliteCloudOutbox outbox) =>
        (await outbox.ReadAsync(0, 10_000, CancellationToken.None)).Select(m => Encoding.UTF8.GetString(m.Payload)).ToList();

    [Fact]
    public async Task Messages_come_back_in_the_order_stored_and_survive_reopening_until_removed()
    {
        await using (var outbox = await OpenAsync())
        {
            await outbox.AppendAsync([Of(OutboxKind.Event, "a"), Of(OutboxKind.Execution, "b")], CancellationToken.None);
            await outbox.AppendAsync([State("d1", "s", 1)], CancellationToken.None);
        }
        await using var reopened = await OpenAsync();
        var stored = await reopened.ReadAsync(0, 100, CancellationToken.None);
        Assert.Equal(["a", "b", "s=1"], stored.Select(m => Encoding.UTF8.GetString(m.Payload)));
        Assert.Equal(3, (await reopened.CountersAsync(CancellationToken.None)).Pending);

        await reopened.RemoveAsync([stored[0].Sequence, stored[2].Sequence], CancellationToken.None);

        Assert.Equal(["b"], await PayloadsAsync(reopened));
        Assert.Equal(1, (await reopened.CountersAsync(CancellationToken.None)).Pending);
        Assert.Empty(await reopened.ReadAsync(stored[1].Sequence, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Within_the_bounds_every_state_value_is_kept()
    {
        await using var outbox = await OpenAsync(maxMessages: 100);
        await outbox.AppendAsync([.. Enumerable.Range(0, 50).Select(i => State("d1", "s", i))], CancellationToken.None);

        Assert.Equal(50, (await PayloadsAsync(outbox)).Count);
        Assert.Equal(0, (await outbox.CountersAsync(CancellationToken.None)).Coalesced);
    }

    [Fact]
    public async Task Past_the_message_bound_superseded_states_are_coalesced_and_executions_kept()
    {
        await using var outbox = await OpenAsync(maxMessages: 10);
        await outbox.AppendAsync([Of(OutboxKind.Execution, "exec-1")], CancellationToken.None);
        await outbox.AppendAsync([.. Enumerable.Range(0, 8).Select(i => State("d1", "s", i))], CancellationToken.None);
        await outbox.AppendAsync([State("d2", "s", 100), State("d1", "t", 7), Of(OutboxKind.Execution, "exec-2")], CancellationToken.None);

        var payloads = await PayloadsAsync(outbox);
        Assert.Equal(["exec-1", "s=7", "s=100", "t=7", "exec-2"], payloads);
        var counters = await outbox.CountersAsync(CancellationToken.None);
        Assert.Equal(7, counters.Coalesced);
        Assert.Equal(0, counters.Dropped);
        Assert.Equal(5, counters.Pending);
    }

    [Fact]
    public async Task When_coalescing_is_not_enough_the_oldest_events_are_dropped_and_counted_but_never_executions()
    {
        await using var outbox = await OpenAsync(maxMessages: 5);
        await outbox.AppendAsync([Of(OutboxKind.Execution, "exec-1"), .. Enumerable.Range(0, 6).Select(i => Of(OutboxKind.Event, $"e{i}"))], CancellationToken.None);
        await outbox.AppendAsync([.. Enumerable.Range(0, 6).Select(i => Of(OutboxKind.Execution, $"exec-x{i}"))], CancellationToken.None);

        var payloads = await PayloadsAsync(outbox);
        Assert.DoesNotContain(payloads, p => p.StartsWith('e') && !p.StartsWith("exec"));
        Assert.Equal(["exec-1", .. Enumerable.Range(0, 6).Select(i => $"exec-x{i}")], payloads);
        Assert.Equal(6, (await outbox.CountersAsync(CancellationToken.None)).Dropped);
    }

    [Fact]
    public async Task Events_older_than_the_age_bound_are_dropped_and_counted()
    {
        await using var outbox = await OpenAsync(maxAgeHours: 1);
        var old = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds();
        await outbox.AppendAsync([Of(OutboxKind.Event, "old", old), Of(OutboxKind.Execution, "old-exec", old), Of(OutboxKind.Event, "new")], CancellationToken.None);

        Assert.Equal(["old-exec", "new"], await PayloadsAsync(outbox));
        Assert.Equal(1, (await outbox.CountersAsync(CancellationToken.None)).Dropped);
    }

    [Fact]
    public async Task A_request_id_is_new_once_then_returns_its_stored_answer()
    {
        await using var outbox = await OpenAsync();
        Assert.Null(await outbox.BeginRequestAsync("r1", 1, CancellationToken.None));
        var pending = await outbox.BeginRequestAsync("r1", 2, CancellationToken.None);
        Assert.NotNull(pending);
        Assert.Null(pending.Response);

        await outbox.CompleteRequestAsync("r1", new OutboxMessage(OutboxKind.Response, "responses/r1", "answer"u8.ToArray(), null, 3), CancellationToken.None);

        var done = await outbox.BeginRequestAsync("r1", 4, CancellationToken.None);
        Assert.Equal("answer"u8.ToArray(), done!.Response);
        Assert.Equal(["answer"], await PayloadsAsync(outbox));
    }
}
