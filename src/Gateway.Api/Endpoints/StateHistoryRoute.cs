using Gateway.Core.History;

namespace Gateway.Api.Endpoints;

/// <summary>
/// A state-history path under /setup/devices/: <c>{deviceURL}/states[/{name}]/history[/stacked][/daily|monthly|annual]/{from}/{to}</c>
/// (deviceURLs hold slashes, so the path is read from its end).
/// </summary>
public sealed record StateHistoryRoute(string DeviceUrl, string? StateName, StateHistoryResolution Resolution, bool Stacked, string From, string To)
{
    public static bool TryParse(string rest, out StateHistoryRoute route)
    {
        route = null!;
        var parts = rest.Split('/');
        var i = parts.Length - 3;
        if (i < 2) return false;
        var resolution = parts[i] switch
        {
            "daily" => StateHistoryResolution.Daily,
            "monthly" or "montly" => StateHistoryResolution.Monthly,
            "annual" => StateHistoryResolution.Annual,
            _ => StateHistoryResolution.Raw,
        };
        if (resolution != StateHistoryResolution.Raw) i--;
        var stacked = parts[i] == "stacked";
        if (stacked) i--;
        if (i < 2 || parts[i] != "history") return false;
        i--;
        string? name = null;
        if (parts[i] != "states")
        {
            if (i < 2 || parts[i - 1] != "states" || parts[i].Length == 0) return false;
            name = parts[i];
            i--;
        }
        var deviceUrl = string.Join('/', parts[..i]);
        if (deviceUrl.Length == 0) return false;
        route = new StateHistoryRoute(deviceUrl, name, resolution, stacked, parts[^2], parts[^1]);
        return true;
    }
}
