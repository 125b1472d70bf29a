namespace Gateway.Radio.Io.Protocol;

/// <summary>GW_GET_VERSION_CFM (9 bytes): software version (6 bytes), hardware version, product group and type.</summary>
public sealed record VersionInfo(byte[] Software, byte Hardware, byte ProductGroup, byte ProductType)
{
    public const int Size = 9;

    public string SoftwareText => string.Join('.', Software);

    public static VersionInfo Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"version is {Size} bytes, got {data.Length}");
        return new VersionInfo(data[..6].ToArray(), data[6], data[7], data[8]);
    }

    public byte[] ToData() => [.. Software, Hardware, ProductGroup, ProductType];
}
