namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// GW_GET_ALL_NODES_INFORMATION_NTF / GW_GET_NODE_INFORMATION_NTF (124 bytes): what the interface knows of one node,
/// its name, type, serial number and current and target positions.
/// </summary>
public sealed record NodeInformation
{
    public const int Size = 124;
    public const int NameSize = 64;

    public byte NodeId { get; init; }
    public ushort Order { get; init; }
    public byte Placement { get; init; }
    public string Name { get; init; } = "";
    public byte Velocity { get; init; }
    /// <summary>Actuator type (upper 10 bits) and sub type (lower 6 bits), e.g. 0x0080 roller shutter.</summary>
    public ushort NodeTypeSubtype { get; init; }
    public byte ProductGroup { get; init; }
    public byte ProductType { get; init; }
    public byte NodeVariation { get; init; }
    public byte PowerMode { get; init; }
    public byte BuildNumber { get; init; }
    public byte[] SerialNumber { get; init; } = new byte[8];
    public byte OperatingState { get; init; }
    public ushort CurrentPosition { get; init; } = IoParameter.Unknown;
    public ushort Target { get; init; } = IoParameter.Unknown;
    public ushort[] FunctionalPositions { get; init; } = [IoParameter.Unknown, IoParameter.Unknown, IoParameter.Unknown, IoParameter.Unknown];
    public ushort RemainingTime { get; init; }
    public uint Timestamp { get; init; }
    public byte[] AliasArray { get; init; } = new byte[21];

    /// <summary>The serial number as the interface shows it (01:02:…), null when all zero.</summary>
    public string? SerialText => SerialNumber.All(b => b == 0) ? null : string.Join(':', SerialNumber.Select(b => b.ToString("x2")));

    public static NodeInformation Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"node information is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        return new NodeInformation
        {
            NodeId = r.U8(),
            Order = r.U16(),
            Placement = r.U8(),
            Name = r.Text(NameSize),
            Velocity = r.U8(),
            NodeTypeSubtype = r.U16(),
            ProductGroup = r.U8(),
            ProductType = r.U8(),
            NodeVariation = r.U8(),
            PowerMode = r.U8(),
            BuildNumber = r.U8(),
            SerialNumber = r.Take(8).ToArray(),
            OperatingState = r.U8(),
            CurrentPosition = r.U16(),
            Target = r.U16(),
            FunctionalPositions = [r.U16(), r.U16(), r.U16(), r.U16()],
            RemainingTime = r.U16(),
            Timestamp = r.U32(),
            AliasArray = r.Take(21).ToArray(),
        };
    }

    public byte[] ToData()
    {
        var w = new KlfWriter().U8(NodeId).U16(Order).U8(Placement).Text(Name, NameSize).U8(Velocity).U16(NodeTypeSubtype)
            .U8(ProductGroup).U8(ProductType).U8(NodeVariation).U8(PowerMode).U8(BuildNumber).Bytes(SerialNumber).U8(OperatingState)
            .U16(CurrentPosition).U16(Target);
        foreach (var fp in FunctionalPositions) w.U16(fp);
        return w.U16(RemainingTime).U32(Timestamp).Bytes(AliasArray).ToArray();
    }
}
