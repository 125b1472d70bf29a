using System.Text.Json;

namespace Gateway.Core.Tests;

/// <summary>JSON captured from real TaHoma boxes, copied under tests/fixtures/overkiz.</summary>
internal static class Fixtures
{
    public static JsonElement Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "overkiz", relativePath))).RootElement;

    public static IReadOnlyList<string> Keys(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>The keys in the order they appear.</summary>
    public static IReadOnlyList<string> OrderedKeys(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>Our keys that the reference also has, in our order: equal to the reference order when we match it.</summary>
    public static IReadOnlyList<string> SharedKeysInOrder(JsonElement ours, JsonElement reference)
    {
        var theirs = OrderedKeys(reference).ToHashSet();
        return OrderedKeys(ours).Where(theirs.Contains).ToList();
    }
}
