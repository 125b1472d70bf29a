using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Building the home's rooms through the real daemon: the place tree, moving a device into a room, and the refusals.</summary>
public class PlaceTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Rooms_are_built_renamed_moved_and_deleted_with_events_and_bad_input_gets_the_overkiz_error_body()
    {
        using var client = gateway.Client();
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var shutter = gateway.Url("1100001");
        var (_, home) = await client.GetJsonAsync("setup/places");
        var root = home.GetProperty("oid").GetString()!;
        Assert.Equal(root, (await client.GetJsonAsync("setup/devices/" + ApiClientExtensions.Escape(shutter))).Body.GetProperty("placeOID").GetString());

        var ground = await CreateAsync(client, root, """{"label":"Ground floor","type":1}""");
        var living = await CreateAsync(client, ground, """{"label":"Living room","type":"2","metadata":"{\"icon\":\"sofa\"}"}""");
        var first = await CreateAsync(client, root, """{"label":"First floor","type":1}""");

        var (_, tree) = await client.GetJsonAsync("setup/places");
        var floors = tree.GetProperty("subPlaces").EnumerateArray().ToList();
        Assert.Equal(new string?[] { "Ground floor", "First floor" }, floors.Select(f => f.GetProperty("label").GetString()));
        var livingRoom = Assert.Single(floors[0].GetProperty("subPlaces").EnumerateArray());
        Assert.Equal((living, 2, "{\"icon\":\"sofa\"}"), (livingRoom.GetProperty("oid").GetString(), livingRoom.GetProperty("type").GetInt32(), livingRoom.GetProperty("metadata").GetString()));

        Assert.Equal(200, await StatusOfPutAsync(client, $"setup/devices/{ApiClientExtensions.Escape(shutter)}/relocate/{living}"));
        Assert.Equal(living, (await client.GetJsonAsync("setup/devices/" + ApiClientExtensions.Escape(shutter))).Body.GetProperty("placeOID").GetString());
        var (_, setup) = await client.GetJsonAsync("setup");
        Assert.Equal(living, setup.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("deviceURL").GetString() == shutter).GetProperty("placeOID").GetString());
        Assert.Equal("Living room", setup.GetProperty("rootPlace").GetProperty("subPlaces")[0].GetProperty("subPlaces")[0].GetProperty("label").GetString());

        Assert.Equal(200, await StatusOfPutAsync(client, $"setup/places/{living}", """{"label":"Lounge"}"""));
        var (_, lounge) = await client.GetJsonAsync($"setup/places/{living}");
        Assert.Equal(("Lounge", 2), (lounge.GetProperty("label").GetString(), lounge.GetProperty("type").GetInt32()));

        // Refusals, each a 4xx with the Overkiz body.
        await AssertRefusedAsync(client, HttpMethod.Put, $"setup/places/{ground}/parent/{living}", null, "INVALID_PARAMETER", "under itself");
        await AssertRefusedAsync(client, HttpMethod.Put, $"setup/places/{root}/parent/{first}", null, "INVALID_PARAMETER", "root");
        await AssertRefusedAsync(client, HttpMethod.Put, $"setup/devices/{ApiClientExtensions.Escape(shutter)}/relocate/no-such-place", null, "UNSPECIFIED_ERROR", "Unknown object.");
        await AssertRefusedAsync(client, HttpMethod.Post, "setup/places/no-such-place/subPlaces", """{"label":"Attic"}""", "UNSPECIFIED_ERROR", "Unknown object.");
        await AssertRefusedAsync(client, HttpMethod.Post, $"setup/places/{root}/subPlaces", JsonSerializer.Serialize(new { label = new string('x', 129) }), "INVALID_PARAMETER", "128");
        await AssertRefusedAsync(client, HttpMethod.Post, $"setup/places/{root}/subPlaces", """{"label":""}""", "INVALID_PARAMETER", "empty");
        await AssertRefusedAsync(client, HttpMethod.Delete, $"setup/places/{living}", null, "INVALID_PARAMETER", "devices");
        await AssertRefusedAsync(client, HttpMethod.Delete, $"setup/places/{ground}", null, "INVALID_PARAMETER", "sub-places");
        await AssertRefusedAsync(client, HttpMethod.Delete, $"setup/places/{root}", null, "INVALID_PARAMETER", "root");

        Assert.Equal(200, await StatusOfPutAsync(client, $"setup/places/{living}/parent/{first}"));
        Assert.Equal("Lounge", (await client.GetJsonAsync($"setup/places/{first}")).Body.GetProperty("subPlaces")[0].GetProperty("label").GetString());
        using (var deleted = await client.DeleteAsync($"setup/places/{ground}")) Assert.Equal(204, (int)deleted.StatusCode);
        await AssertRefusedAsync(client, HttpMethod.Get, $"setup/places/{ground}", null, "UNSPECIFIED_ERROR", "Unknown object.");

        var events = await client.FetchUntilAsync(listener, all => all.Any(e => Named(e, "PlaceDeletedEvent")));
        Assert.Equal(3, events.Count(e => Named(e, "PlaceCreatedEvent")));
        var created = events.Single(e => Named(e, "PlaceCreatedEvent") && e.GetProperty("placeOID").GetString() == living);
        Assert.Equal((ground, "Living room", 2), (created.GetProperty("parentPlaceOID").GetString(), created.GetProperty("label").GetString(), created.GetProperty("type").GetInt32()));
        var moved = events.Last(e => Named(e, "PlaceUpdatedEvent") && e.GetProperty("placeOID").GetString() == living);
        Assert.Equal((first, "Lounge"), (moved.GetProperty("parentPlaceOID").GetString(), moved.GetProperty("label").GetString()));
        Assert.Equal(ground, events.Single(e => Named(e, "PlaceDeletedEvent")).GetProperty("placeOID").GetString());
        var relocated = events.Single(e => Named(e, "DeviceUpdatedEvent") && e.GetProperty("deviceURL").GetString() == shutter);
        Assert.Equal(living, relocated.GetProperty("placeOID").GetString());
        Assert.False(string.IsNullOrEmpty(relocated.GetProperty("setupOID").GetString()));
    }

    private static bool Named(JsonElement e, string name) => e.GetProperty("name").GetString() == name;

    private static async Task<string> CreateAsync(HttpClient client, string parent, string body)
    {
        var (status, created) = await client.PostJsonAsync($"setup/places/{parent}/subPlaces", body);
        Assert.Equal(201, status);
        return created.GetProperty("placeOID").GetString()!;
    }

    private static async Task<int> StatusOfPutAsync(HttpClient client, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    internal static async Task AssertRefusedAsync(HttpClient client, HttpMethod method, string path, string? body, string errorCode, string messagePart)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {path}: {(int)response.StatusCode} {text}");
        using var error = JsonDocument.Parse(text);
        Assert.Equal(errorCode, error.RootElement.GetProperty("errorCode").GetString());
        Assert.Contains(messagePart, error.RootElement.GetProperty("error").GetString());
    }
}
