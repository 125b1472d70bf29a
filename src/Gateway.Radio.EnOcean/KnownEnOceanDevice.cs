using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean;

/// <summary>
/// A device the radio talks to. <see cref="DeviceId"/> is the id its telegrams carry (for an actuator the gateway
/// taught, the gateway's own sender id), <see cref="Channel"/> the output of a multi-channel actuator,
/// <see cref="DimEncoding"/> how an A5-38-08 actuator wants its dim value.
/// </summary>
internal sealed record KnownEnOceanDevice(string Address, uint DeviceId, int? Channel, EepProfile Eep, uint? GatewaySenderId,
    A53808DimEncoding DimEncoding = A53808DimEncoding.AbsolutePercent)
{
    public const string EepAttribute = "enocean:EEP";
    public const string SenderIdAttribute = "enocean:GatewaySenderId";

    /// <summary>A state, not an attribute: it changes with setDimEncoding and is stored like any state.</summary>
    public const string DimEncodingState = "enocean:DimEncodingState";

    public static string AddressOf(uint deviceId, int? channel) =>
        channel is { } c ? $"{deviceId:X8}#{c + 1}" : $"{deviceId:X8}";

    public static bool TryParseAddress(string address, out uint deviceId, out int? channel)
    {
        channel = null;
        var hash = address.IndexOf('#');
        var idPart = hash < 0 ? address : address[..hash];
        if (hash >= 0)
        {
            if (!int.TryParse(address.AsSpan(hash + 1), out var subsystem) || subsystem < 1) { deviceId = 0; return false; }
            channel = subsystem - 1;
        }
        return uint.TryParse(idPart, System.Globalization.NumberStyles.HexNumber, null, out deviceId) && idPart.Length == 8;
    }
}
