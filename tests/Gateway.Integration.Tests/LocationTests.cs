namespace Gateway.Integration.Tests;

/// <summary>The home's location and the dawn and dusk computed from it, through the API.</summary>
public class LocationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Dawn_and_dusk_follow_the_location_the_user_sets()
    {
        using var client = gateway.Client();
        using (var put = await client.PutAsync("setup/location", Json("""{"city":"Paris","country":"FR","timezone":"Europe/Paris","latitude":48.8566,"longitude":2.3522}""")))
            Assert.Equal(200, (int)put.StatusCode);

        var (_, location) = await client.GetJsonAsync("setup/location");
        Assert.Equal("Europe/Paris", location.GetProperty("timezone").GetString());

        // Almanac values for Paris on the June solstice of 2025: sunrise 05:47, sunset 21:58 (CEST).
        var (_, dawn) = await client.GetJsonAsync("setup/dawnTime/2025/6/21");
        Assert.Equal(5, dawn.GetProperty("hours").GetInt32());
        Assert.InRange(dawn.GetProperty("minutes").GetInt32(), 46, 48);
        var (_, dusk) = await client.GetJsonAsync("setup/duskTime/2025/6/21");
        Assert.Equal(21, dusk.GetProperty("hours").GetInt32());
        Assert.InRange(dusk.GetProperty("minutes").GetInt32(), 57, 59);
        Assert.Equal(DateTimeOffset.Parse("2025-06-21T19:58:00Z").ToUnixTimeMilliseconds(), dusk.GetProperty("utc").GetInt64(), 90_000d);

        Assert.Equal(200, (await client.GetJsonAsync("setup/dawnTime")).Status);
    }

    [Fact]
    public async Task Under_the_midnight_sun_dawn_is_not_set()
    {
        using var client = gateway.Client();
        using (var put = await client.PutAsync("setup/location", Json("""{"timezone":"Europe/Oslo","latitude":69.6492,"longitude":18.9553}""")))
            Assert.Equal(200, (int)put.StatusCode);

        var (status, dawn) = await client.GetJsonAsync("setup/dawnTime/2025/6/21");

        Assert.Equal(200, status);
        Assert.Empty(dawn.EnumerateObject());
    }

    [Theory]
    [InlineData("""{"timezone":"Mars/Olympus","latitude":1,"longitude":1}""")]
    [InlineData("""{"timezone":"Europe/Paris","latitude":91,"longitude":1}""")]
    [InlineData("""{"timezone":"Europe/Paris","latitude":"north"}""")]
    [InlineData("""[1]""")]
    public async Task Impossible_locations_are_refused(string json)
    {
        using var client = gateway.Client();
        using var put = await client.PutAsync("setup/location", Json(json));
        Assert.Equal(400, (int)put.StatusCode);
    }

    [Fact]
    public async Task Impossible_dates_are_refused() =>
        Assert.Equal(400, (await gateway.Client().GetJsonAsync("setup/duskTime/2025/2/30")).Status);

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
