using System.Diagnostics.CodeAnalysis;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>
/// D2-01 CMD 0x4 "Actuator Status Response" (3 bytes). DB2: power failure detection enabled (bit 7), power failure
/// detected (bit 6), CMD (bits 3..0); DB1: over-current switch-off executed (bit 7), error level (bits 6..5: 0 OK,
/// 1 warning, 2 failure, 3 not supported), I/O channel (bits 4..0); DB0: local control enabled (bit 7), output value
/// (bits 6..0: 0 = off, 1..100 %, 0x7F = not valid / not set).
/// </summary>
public sealed record D201ActuatorStatus(
    bool PowerFailureDetectionEnabled,
    bool PowerFailureDetected,
    bool OverCurrentSwitchOff,
    int ErrorLevel,
    int Channel,
    bool LocalControl,
    int OutputValue)
{
    public const int OutputValueUnknown = 0x7F;

    /// <summary>True when <see cref="OutputValue"/> is a level 0..100 (not 0x7F "unknown", nor a reserved 101..126).</summary>
    public bool HasOutputValue => OutputValue <= 100;

    /// <summary>Parses a VLD payload; false unless it is a CMD 0x4 of at least 3 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out D201ActuatorStatus? status)
    {
        status = null;
        if (payload.Length < 3 || (payload[0] & 0x0F) != D201.CmdActuatorStatusResponse) return false;
        status = new D201ActuatorStatus(
            (payload[0] & 0x80) != 0,
            (payload[0] & 0x40) != 0,
            (payload[1] & 0x80) != 0,
            (payload[1] >> 5) & 0x03,
            payload[1] & 0x1F,
            (payload[2] & 0x80) != 0,
            payload[2] & 0x7F);
        return true;
    }
}
