using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>The answer to CO_RD_IDBASE: the first of the 128 sender ids (base id .. base id + 127) the gateway may send with.</summary>
/// <param name="BaseId">The base id (0xFF800000 .. 0xFFFFFF80).</param>
/// <param name="RemainingWriteCycles">How often the base id can still be changed; 0xFF means unlimited; null when the dongle did not say.</param>
public sealed record IdBaseInfo(uint BaseId, byte? RemainingWriteCycles)
{
    /// <summary>Number of sender ids from the base id on.</summary>
    public const int IdCount = 128;

    /// <summary>
    /// Parses the RESPONSE packet that answers CO_RD_IDBASE: <paramref name="responseData"/> is the packet's whole data
    /// (return code RET_OK, then the base id, big endian), <paramref name="optionalData"/> its optional data (remaining
    /// write cycles, ESP3 2.x; may be empty).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> responseData, ReadOnlySpan<byte> optionalData, [NotNullWhen(true)] out IdBaseInfo? info)
    {
        info = null;
        if (responseData.Length < 5 || responseData[0] != (byte)Esp3ReturnCode.Ok) return false;
        info = new IdBaseInfo(
            BinaryPrimitives.ReadUInt32BigEndian(responseData[1..]),
            optionalData.IsEmpty ? null : optionalData[0]);
        return true;
    }

    /// <summary>The sender id at <paramref name="offset"/> (0..127) from the base id.</summary>
    public uint SenderId(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, IdCount);
        return BaseId + (uint)offset;
    }
}
