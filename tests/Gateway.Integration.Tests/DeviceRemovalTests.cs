using System.Net;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Removing a device of any radio (here the simulated one) through the real daemon, by both routes a box offers.</summary>
public class DeviceRemovalTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Delete_and_post_delete_remove_the_device_with_a_device_removed_event_and_an_unknown_one_gets_no_such_device()
    {
        using var client = gateway.Client();
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var first = gateway.Url("1100003");
        var second = gateway.Url("1100004");
        Assert.Equal(200, (await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(first)}")).Status);

        using (var deleted = await client.DeleteAsync($"setup/devices/{ApiClientExtensions.Escape(first)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(204, (await client.PostJsonAsync($"setup/devices/{ApiClientExtensions.Escape(second)}/_delete")).Status);

        var events = await client.FetchUntilAsync(listener, all => new[] { first, second }.All(url => all.Any(e => IsRemoval(e, url))));
        var removed = events.First(e => IsRemoval(e, first));
        Assert.True(removed.GetProperty("timestamp").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(removed.GetProperty("setupOID").GetString()));
        Assert.False(string.IsNullOrEmpty(removed.GetProperty("controllableName").GetString()));
        var (_, devices) = await client.GetJsonAsync("setup/devices");
        var urls = devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString()).ToList();
        Assert.DoesNotContain(first, urls);
        Assert.DoesNotContain(second, urls);

        var (status, error) = await client.DeleteJsonAsync($"setup/devices/{ApiClientExtensions.Escape(first)}");
        Assert.Equal(400, status);
        Assert.Equal("NO_SUCH_DEVICE", error.GetProperty("errorCode").GetString());
        var (postStatus, _) = await client.PostJsonAsync($"setup/devices/{ApiClientExtensions.Escape(first)}/_delete");
        Assert.Equal(400, postStatus);
        var (unknownOperation, unknown) = await client.PostJsonAsync($"setup/devices/{ApiClientExtensions.Escape(gateway.Url("1100005"))}/_explode");
        Assert.Equal(404, unknownOperation);
        Assert.Equal("UNSPECIFIED_ERROR", unknown.GetProperty("errorCode").GetString());
    }

    private static bool IsRemoval(JsonElement e, string url) =>
        e.GetProperty("name").GetString() == "DeviceRemovedEvent" && e.TryGetProperty("deviceURL", out var u) && u.GetString() == url;
}
