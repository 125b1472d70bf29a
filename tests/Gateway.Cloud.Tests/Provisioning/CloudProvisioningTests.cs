using System.Text.Json;
using Gateway.Cloud.Provisioning;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Cloud.Tests.Provisioning;

public sealed class CloudProvisioningTests
{
    [Fact]
    public async Task Registers_an_mqtt_installation_of_its_thing_once_and_keeps_the_ids_and_the_broker()
    {
        await using var server = FakeProvisioningServer.Start();
        server.MqttPort = 18830;
        var settings = new MemorySettingsStore();

        var endpoint = await Provisioning(server, settings).ResolveAsync(CancellationToken.None);

        Assert.Equal(server.InstallationId, endpoint.InstallationId);
        Assert.Equal(server.RegistrationId, endpoint.InstallationRegistrationId);
        Assert.Equal(("127.0.0.1", 18830, "thing-user", "thing-secret", false), (endpoint.Host, endpoint.Port, endpoint.Username, endpoint.Password, endpoint.UseTls));
        var post = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Equal($"/api/apps/{server.AppId}/installations", post.Path);
        Assert.Equal($"Bearer {server.ThingToken}", post.Authorization);
        Assert.Equal("application/vnd.kii.InstallationCreationRequest+json", post.ContentType);
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("MQTT", body.GetProperty("deviceType").GetString());
        Assert.False(body.TryGetProperty("installationRegistrationID", out _));
        Assert.False(body.TryGetProperty("thingID", out _));
        Assert.False(body.TryGetProperty("userID", out _));
        Assert.Contains(server.InstallationId, settings.Values[CloudProvisioning.SettingKey]);

        // A second start uses what was stored: no new registration, no request at all.
        var count = server.Requests.Count;
        var again = await Provisioning(server, settings).ResolveAsync(CancellationToken.None);
        Assert.Equal(endpoint, again);
        Assert.Equal(count, server.Requests.Count);
    }

    [Theory]
    [InlineData(503, "MQTT_ENDPOINT_NOT_READY", FakeProvisioningServer.EndpointRoute)]
    [InlineData(500, "INTERNAL_ERROR", FakeProvisioningServer.InstallationsRoute)]
    [InlineData(429, "TOO_MANY_REQUESTS", FakeProvisioningServer.InstallationsRoute)]
    public async Task Retryable_failures_are_retried_until_the_cloud_answers(int status, string code, string route)
    {
        await using var server = FakeProvisioningServer.Start();
        server.MqttPort = 1883;
        server.Enqueue(route, status, code, "try later");
        server.Enqueue(route, status, code, "try later");
        var settings = new MemorySettingsStore();

        var endpoint = await Provisioning(server, settings).ResolveAsync(CancellationToken.None);

        Assert.Equal(server.InstallationId, endpoint.InstallationId);
        Assert.Equal(3, server.Requests.Count(r => r.Path.EndsWith(route == FakeProvisioningServer.EndpointRoute ? "/mqtt-endpoint" : "/installations")));
        // The installation id was stored before the endpoint was ready, so a retry of the endpoint never registers again.
        if (route == FakeProvisioningServer.EndpointRoute) Assert.Single(server.Requests, r => r.Method == "POST");
    }

    [Theory]
    [InlineData(400, "INVALID_INPUT_DATA", "invalid")]
    [InlineData(401, "UNAUTHORIZED", "ThingToken")]
    [InlineData(403, "UNAUTHORIZED", "ThingToken")]
    [InlineData(404, "USER_NOT_FOUND", "AppId")]
    public async Task Errors_that_retrying_cannot_fix_stop_provisioning_with_a_message_naming_the_cause(int status, string code, string hint)
    {
        await using var server = FakeProvisioningServer.Start();
        server.Enqueue(FakeProvisioningServer.InstallationsRoute, status, code, "refused by the fake");

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => Provisioning(server, new MemorySettingsStore()).ResolveAsync(CancellationToken.None));

        Assert.False(error.Retryable);
        Assert.Contains(code, error.Message);
        Assert.Contains(status.ToString(), error.Message);
        Assert.Contains(hint, error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_wrong_thing_token_is_refused_by_the_cloud_and_never_retried()
    {
        await using var server = FakeProvisioningServer.Start();
        var options = Options(server);
        options.ThingToken = "wrong";

        var error = await Assert.ThrowsAsync<ProvisioningException>(() =>
            new CloudProvisioning(options, new MemorySettingsStore(), new SocketsHttpHandler(), TimeProvider.System, NullLogger.Instance).ResolveAsync(CancellationToken.None));

        Assert.Contains("UNAUTHORIZED", error.Message);
        Assert.DoesNotContain("wrong", error.Message);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/", "app", "t", "Url")]
    [InlineData("http://127.0.0.1/", "", "t", "AppId")]
    [InlineData("http://127.0.0.1/", "a/b", "t", "AppId")]
    [InlineData("http://127.0.0.1/", "app", "", "ThingToken")]
    public void Unusable_settings_are_named(string url, string app, string token, string setting) =>
        Assert.Contains($"Gateway:Cloud:Provisioning:{setting}",
            CloudProvisioning.Validate(new CloudProvisioningOptions { Url = url, AppId = app, ThingToken = token }));

    private static CloudProvisioningOptions Options(FakeProvisioningServer server) =>
        new() { Url = server.Url, AppId = server.AppId, ThingToken = server.ThingToken, UseTls = false, RetrySeconds = 0.05, MaxRetrySeconds = 0.2 };

    private static CloudProvisioning Provisioning(FakeProvisioningServer server, MemorySettingsStore settings) =>
        new(Options(server), settings, new SocketsHttpHandler(), TimeProvider.System, NullLogger.Instance);
}
