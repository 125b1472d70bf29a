using System.Globalization;

namespace Gateway.Radio.ZWave.Devices;

/// <summary>A device's address after the gateway id: <c>nodeId</c> or <c>nodeId#endpoint</c>.</summary>
public readonly record struct ZWaveDeviceAddress(byte NodeId, byte Endpoint)
{
    public override string ToString() => Endpoint == 0 ? NodeId.ToString(CultureInfo.InvariantCulture) : $"{NodeId}#{Endpoint}";

    public static ZWaveDeviceAddress? TryParse(string address)
    {
        var slash = address.LastIndexOf('/');
        if (slash >= 0) address = address[(slash + 1)..];
        var hash = address.IndexOf('#');
        var node = hash < 0 ? address : address[..hash];
        if (!byte.TryParse(node, NumberStyles.None, CultureInfo.InvariantCulture, out var nodeId) || nodeId == 0) return null;
        byte endpoint = 0;
        if (hash >= 0 && !byte.TryParse(address.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out endpoint)) return null;
        return new ZWaveDeviceAddress(nodeId, endpoint);
    }
}
