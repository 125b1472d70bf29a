using System.Globalization;

namespace Gateway.Radio.Zigbee;

/// <summary>One Overkiz device of the radio: an endpoint of a node (address <c>IEEE#endpoint</c>) and its kind.</summary>
public sealed record ZigbeeDeviceAddress(ulong Ieee, byte Endpoint, string ControllableName)
{
    public static ZigbeeDeviceAddress? TryParse(string address, string controllableName)
    {
        var hash = address.IndexOf('#');
        return hash == 16
            && ulong.TryParse(address.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ieee)
            && byte.TryParse(address.AsSpan(17), NumberStyles.None, CultureInfo.InvariantCulture, out var endpoint)
            ? new ZigbeeDeviceAddress(ieee, endpoint, controllableName)
            : null;
    }
}
