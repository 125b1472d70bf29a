namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// One object of GW_CS_GET_SYSTEMTABLE_DATA_NTF (11 bytes): the node's index (its node id), its 24-bit io address
/// (little endian on the wire), type and sub type, power and turnaround flags, io manufacturer and backbone.
/// </summary>
public sealed record SystemTableEntry(byte Index, int ActuatorAddress, ushort TypeSubtype, byte Flags, byte Manufacturer, int Backbone)
{
    public const int Size = 11;

    public const byte ManufacturerVelux = 1;
    public const byte ManufacturerSomfy = 2;

    /// <summary>Parses a whole notification: count, objects, remaining count.</summary>
    public static (IReadOnlyList<SystemTableEntry> Entries, int Remaining) ParseNotification(ReadOnlySpan<byte> data)
    {
        var r = new KlfReader(data);
        var count = r.U8();
        if (data.Length != 2 + count * Size) throw new InvalidDataException($"system table notification of {count} objects has {data.Length} bytes");
        var entries = new List<SystemTableEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var index = r.U8();
            var address = r.U8() | r.U8() << 8 | r.U8() << 16;
            var type = r.U16();
            var flags = r.U8();
            var manufacturer = r.U8();
            var backbone = r.U8() | r.U8() << 8 | r.U8() << 16;
            entries.Add(new SystemTableEntry(index, address, type, flags, manufacturer, backbone));
        }
        return (entries, r.U8());
    }

    public static byte[] NotificationData(IReadOnlyList<SystemTableEntry> entries, int remaining)
    {
        var w = new KlfWriter().U8(entries.Count);
        foreach (var e in entries)
            w.U8(e.Index).U8(e.ActuatorAddress).U8(e.ActuatorAddress >> 8).U8(e.ActuatorAddress >> 16).U16(e.TypeSubtype)
                .U8(e.Flags).U8(e.Manufacturer).U8(e.Backbone).U8(e.Backbone >> 8).U8(e.Backbone >> 16);
        return w.U8(remaining).ToArray();
    }
}
