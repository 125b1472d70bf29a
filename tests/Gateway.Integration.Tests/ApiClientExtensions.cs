using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

internal static class ApiClientExtensions
{
    public static async Task<(int Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return ((int)response.StatusCode, await BodyAsync(response));
    }

    public static async Task<(int Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string path, string? json = null)
    {
        using var content = new StringContent(json ?? "", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return ((int)response.StatusCode, await BodyAsync(response));
    }

    public static async Task<(int Status, JsonElement Body)> DeleteJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.DeleteAsync(path);
        return ((int)response.StatusCode, await BodyAsync(response));
    }

    public static async Task<string> ApplyAsync(this HttpClient client, string deviceUrl, string command, params object[] parameters)
    {
        var body = JsonSerializer.Serialize(new
        {
            label = "integration",
            actions = new[] { new { deviceURL = deviceUrl, commands = new[] { new { name = command, parameters } } } },
        });
        var (status, json) = await client.PostJsonAsync("exec/apply", body);
        Assert.True(status == 200, json.ToString());
        return json.GetProperty("execId").GetString()!;
    }

    public static async Task<string> GatewayIdAsync(this HttpClient client) =>
        (await client.GetJsonAsync("setup/gateways")).Body[0].GetProperty("gatewayId").GetString()!;

    /// <summary>Fetches events until <paramref name="done"/> sees what it waits for; returns all fetched.</summary>
    public static async Task<List<JsonElement>> FetchUntilAsync(this HttpClient client, string listenerId, Func<List<JsonElement>, bool> done, int seconds = 30)
    {
        var all = new List<JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var (status, events) = await client.PostJsonAsync($"events/{listenerId}/fetch");
            Assert.Equal(200, status);
            all.AddRange(events.EnumerateArray());
            if (done(all)) return all;
            await Task.Delay(200);
        }
        throw new TimeoutException("events never arrived: " + string.Join("\n", all));
    }

    public static bool IsExecutionEnd(this JsonElement e, string execId) =>
        e.GetProperty("name").GetString() == "ExecutionStateChangedEvent" && e.GetProperty("execId").GetString() == execId
        && e.GetProperty("newState").GetString() is "COMPLETED" or "FAILED";

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Escape(string deviceUrl) => Uri.EscapeDataString(deviceUrl);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body);
}
