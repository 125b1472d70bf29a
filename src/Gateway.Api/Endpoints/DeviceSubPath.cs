namespace Gateway.Api.Endpoints;

/// <summary>
/// The path under /setup/devices/ taken apart into a deviceURL and the operation segments after it. deviceURLs hold
/// slashes (encoded as %2F or raw) and their addresses may too, so the deviceURL is the longest run of leading
/// segments that names a known device. Each segment is unescaped on its own, so an encoded slash inside a label
/// stays in the label.
/// </summary>
public readonly record struct DeviceSubPath(string DeviceUrl, IReadOnlyList<string> Operation)
{
    /// <summary>The known device the path starts with, and what follows it; null when no known device starts it.</summary>
    public static DeviceSubPath? Resolve(string rawRest, Func<string, bool> isKnown)
    {
        var segments = Segments(rawRest);
        for (var count = segments.Length; count > 0; count--)
        {
            var candidate = Join(segments, count);
            if (isKnown(candidate)) return new DeviceSubPath(candidate, segments[count..]);
        }
        return null;
    }

    /// <summary>
    /// For a path naming no known device: the deviceURL it would name if its last <paramref name="operationLength"/>
    /// segments were the operation (for the error message).
    /// </summary>
    public static string Guess(string rawRest, int operationLength)
    {
        var segments = Segments(rawRest);
        return Join(segments, Math.Max(1, segments.Length - operationLength));
    }

    /// <summary>The operation as written after the deviceURL, for matching: its segments joined by '/'.</summary>
    public string Path => string.Join('/', Operation);

    private static string[] Segments(string rawRest) =>
        rawRest.Split('/').Select(Uri.UnescapeDataString).ToArray();

    private static string Join(string[] segments, int count)
    {
        var joined = string.Join('/', segments, 0, count);
        // A raw "io://" has lost a slash to the collapsing of repeated slashes before routing.
        var colon = joined.IndexOf(":/", StringComparison.Ordinal);
        if (colon > 0 && !joined.AsSpan(colon).StartsWith("://") && !Gateway.Core.Model.DeviceUrl.TryParse(joined, out _))
            joined = joined[..colon] + "://" + joined[(colon + 2)..];
        return joined;
    }
}
