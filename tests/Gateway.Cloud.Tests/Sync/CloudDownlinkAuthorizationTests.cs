using System.Text;
using System.Text.Json;
using Gateway.Cloud.Mqtt;
using Gateway.Cloud.Sync;
using Gateway.Core.Cloud;
using Gateway.Core.Errors;
using Gateway.Storage;
using Gateway.Storage.Cloud;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Cloud.Tests.Sync;

public sealed class CloudDownlinkAuthorizationTests : IAsyncLifetime
{
    private const string Root = "gatewayd/1234-5678-9012";
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-downlink-").FullName;
    private readonly RecordingTarget _target = new();
    private SqliteDatabase _database = null!;
    private SqliteCloudOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, CancellationToken.None);
        _outbox = await SqliteCloudOutbox.OpenAsync(_database, _directory, new OutboxLimits(1000, 1 << 20, TimeSpan.FromHours(1)), TimeProvider.System, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_request_without_a_token_is_answered_401_and_not_applied()
    {
        var answer = await RequestAsync("a-1", """{"type":"createActionGroup","body":{}}""");

        Assert.Equal(401, answer.GetProperty("status").GetInt32());
        Assert.Equal(CloudReturnCodes.PermissionDenied, answer.GetProperty("retCode").GetInt32());
        Assert.Equal("Missing authorization token.", answer.GetProperty("body").GetProperty("error").GetString());
        Assert.Empty(_target.Applied);
    }

    [Fact]
    public async Task A_request_with_an_unknown_token_is_answered_401_and_not_applied()
    {
        var answer = await RequestAsync("a-2", """{"type":"apply","token":"guess","body":{}}""");

        Assert.Equal("Not authenticated.", answer.GetProperty("body").GetProperty("error").GetString());
        Assert.Empty(_target.Applied);
    }

    [Fact]
    public async Task A_setup_request_with_a_valid_token_is_applied_and_answered_with_the_targets_status_and_body()
    {
        var answer = await RequestAsync("a-3", $$$"""{"type":"createActionGroup","token":"{{{RecordingTarget.Token}}}","body":{}}""");

        Assert.Equal(201, answer.GetProperty("status").GetInt32());
        Assert.Equal(0, answer.GetProperty("retCode").GetInt32());
        Assert.Equal("g-1", answer.GetProperty("body").GetProperty("actionGroupOID").GetString());
        Assert.Equal(new[] { "createActionGroup" }, _target.Applied);
    }

    [Fact]
    public async Task A_setup_request_refused_by_the_target_carries_the_overkiz_body()
    {
        var answer = await RequestAsync("a-4", $$"""{"type":"deleteActionGroup","token":"{{RecordingTarget.Token}}","oid":"x"}""");

        Assert.Equal(400, answer.GetProperty("status").GetInt32());
        Assert.Equal("Unknown object.", answer.GetProperty("body").GetProperty("error").GetString());
        Assert.Equal(CloudReturnCodes.InvalidValue, answer.GetProperty("retCode").GetInt32());
    }

    [Theory]
    [InlineData(200, null, 0)]
    [InlineData(401, "RESOURCE_ACCESS_DENIED", 107)]
    [InlineData(400, "NO_SUCH_DEVICE", 5)]
    [InlineData(400, "MISSING_PARAMETERS", 130)]
    [InlineData(400, "INVALID_PARAMETER", 146)]
    [InlineData(500, "UNSPECIFIED_ERROR", 1001)]
    public void Return_codes_follow_the_status_and_error_code(int status, string? errorCode, int expected) =>
        Assert.Equal(expected, CloudReturnCodes.For(status, errorCode));

    private async Task<JsonElement> RequestAsync(string requestId, string payload)
    {
        var downlink = new CloudDownlink(_outbox, _target, new CloudTopics("gatewayd", "1234-5678-9012"), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = downlink.RunAsync(stop.Token);
        downlink.Enqueue(new MqttMessage($"{Root}/requests/{requestId}", Encoding.UTF8.GetBytes(payload), false));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var stored = await _outbox.ReadAsync(0, 100, CancellationToken.None);
            if (stored.FirstOrDefault(m => m.Topic == CloudTopics.Response(requestId)) is { } response)
            {
                await stop.CancelAsync();
                await running;
                return JsonDocument.Parse(response.Payload).RootElement.Clone();
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no answer stored");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingTarget : ICloudCommandTarget
    {
        public const string Token = "good-token";
        public List<string> Applied { get; } = [];

        public Task<string> ApplyAsync(JsonElement body, CancellationToken cancellationToken)
        {
            Applied.Add("apply");
            return Task.FromResult("exec-1");
        }

        public Task<string> RunActionGroupAsync(string actionGroupOid, CancellationToken cancellationToken) => Task.FromResult("exec-2");

        public bool Cancel(string execId) => false;

        public ValueTask<bool> IsAuthorizedAsync(string token, CancellationToken cancellationToken) => ValueTask.FromResult(token == Token);

        public Task<CloudAnswer?> SetupAsync(string type, JsonElement request, CancellationToken cancellationToken)
        {
            if (type == "deleteActionGroup") throw new OverkizException(OverkizError.UnknownObject());
            Applied.Add(type);
            return Task.FromResult<CloudAnswer?>(new CloudAnswer(201, """{"actionGroupOID":"g-1"}"""u8.ToArray()));
        }
    }
}
