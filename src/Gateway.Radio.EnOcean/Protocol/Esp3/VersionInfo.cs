using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>The answer to CO_RD_VERSION.</summary>
public sealed record VersionInfo(Version AppVersion, Version ApiVersion, uint ChipId, uint ChipVersion, string AppDescription)
{
    /// <summary>Return code, app version (4), API version (4), chip id (4), chip version (4), app description (16).</summary>
    public const int ResponseLength = 33;

    /// <summary>
    /// Parses the data of the RESPONSE packet that answers CO_RD_VERSION: <paramref name="responseData"/> is the
    /// packet's whole data, starting with the return code, which must be RET_OK.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> responseData, [NotNullWhen(true)] out VersionInfo? info)
    {
        info = null;
        if (responseData.Length < ResponseLength || responseData[0] != (byte)Esp3ReturnCode.Ok) return false;
        var description = responseData.Slice(17, 16);
        var end = description.IndexOf((byte)0);
        if (end >= 0) description = description[..end];
        var text = new StringBuilder(description.Length);
        foreach (var b in description) text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        info = new VersionInfo(
            ToVersion(responseData.Slice(1, 4)),
            ToVersion(responseData.Slice(5, 4)),
            BinaryPrimitives.ReadUInt32BigEndian(responseData[9..]),
            BinaryPrimitives.ReadUInt32BigEndian(responseData[13..]),
            text.ToString().TrimEnd());
        return true;
    }

    // main.beta.alpha.build, as the specification orders the four bytes.
    private static Version ToVersion(ReadOnlySpan<byte> b) => new(b[0], b[1], b[2], b[3]);
}
