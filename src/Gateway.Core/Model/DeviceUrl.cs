using System.Diagnostics.CodeAnalysis;

namespace Gateway.Core.Model;

/// <summary>
/// An Overkiz device URL: <c>protocol://gatewayId/deviceAddress[#subsystemId]</c>.
/// </summary>
public readonly record struct DeviceUrl(string Protocol, string GatewayId, string Address, int? SubsystemId)
{
    public const int MaxLength = 256;

    public override string ToString() =>
        SubsystemId is { } sub ? $"{Protocol}://{GatewayId}/{Address}#{sub}" : $"{Protocol}://{GatewayId}/{Address}";

    public static DeviceUrl Parse(string text) =>
        TryParse(text, out var url) ? url : throw new FormatException($"Not a device URL: {text}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out DeviceUrl url)
    {
        url = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return false;
        var protocol = text[..schemeEnd];
        if (!protocol.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))) return false;

        var rest = text[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        if (slash <= 0) return false;
        var gatewayId = rest[..slash];
        if (!GatewayPin.IsValid(gatewayId)) return false;

        var addressPart = rest[(slash + 1)..];
        int? subsystem = null;
        var hash = addressPart.IndexOf('#');
        if (hash >= 0)
        {
            if (!int.TryParse(addressPart.AsSpan(hash + 1), System.Globalization.NumberStyles.None, null, out var sub)) return false;
            subsystem = sub;
            addressPart = addressPart[..hash];
        }

        if (addressPart.Length == 0 || !addressPart.All(IsAddressChar)) return false;
        url = new DeviceUrl(protocol, gatewayId, addressPart, subsystem);
        return true;
    }

    private static bool IsAddressChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or ':';
}
