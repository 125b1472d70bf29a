using System.Text;
using System.Text.Json;

namespace Gateway.Benchmarks;

/// <summary>Small JSON helpers over the local API for the benchmarks that drive a real daemon: a non-2xx answer throws with its body.</summary>
internal static class BenchHttp
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await BodyAsync(response, path);
    }

    /// <summary>The body as text (to measure its size), after checking the status.</summary>
    public static async Task<string> GetTextAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, string json = "")
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return await BodyAsync(response, path);
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(path, content);
        return await BodyAsync(response, path);
    }

    /// <summary>DELETE that throws on a non-2xx answer (HttpClient.DeleteAsync itself does not look at the status).</summary>
    public static async Task DeleteCheckedAsync(this HttpClient client, string path)
    {
        using var response = await client.DeleteAsync(path);
        await BodyAsync(response, path);
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
