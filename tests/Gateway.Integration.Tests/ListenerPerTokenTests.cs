namespace Gateway.Integration.Tests;

/// <summary>One token cannot take every event listener: each token has its own limit under the global one.</summary>
public class ListenerPerTokenTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_token_at_its_listener_limit_does_not_lock_another_token_out()
    {
        using var greedy = gateway.Client();
        using var other = gateway.Daemon.Client(await gateway.Daemon.CreateTokenAsync("other"));
        var registered = new List<string>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var (status, body) = await greedy.PostJsonAsync("events/register");
                Assert.True(status == 200, body.ToString());
                registered.Add(body.GetProperty("id").GetString()!);
            }
            var (refused, error) = await greedy.PostJsonAsync("events/register");
            Assert.Equal(400, refused);
            Assert.Contains("for this token (limit 8)", error.GetProperty("error").GetString());

            var (accepted, listener) = await other.PostJsonAsync("events/register");
            Assert.True(accepted == 200, listener.ToString());
            Assert.Equal(200, (await other.PostJsonAsync($"events/{listener.GetProperty("id").GetString()}/unregister")).Status);
        }
        finally
        {
            foreach (var id in registered) await greedy.PostJsonAsync($"events/{id}/unregister");
        }
    }
}
