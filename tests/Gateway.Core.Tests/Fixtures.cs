using System.Text.Json;

namespace Gateway.Core.Tests;

/// <summary>JSON captured from real TaHoma boxes, copied under tests/fixtures/overkiz.</summary>
internal static class Fixtures
{
    public static JsonElement Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "overkiz", relativePath))).RootElement;

    public static IReadOnlyList<string> Keys(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
}
