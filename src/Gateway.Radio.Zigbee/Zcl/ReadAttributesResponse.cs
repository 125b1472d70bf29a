namespace Gateway.Radio.Zigbee.Zcl;

public sealed record ReadAttributesResponse(IReadOnlyList<ReadAttributeRecord> Records)
{
    /// <summary>The attributes that were read successfully, with their values.</summary>
    public IReadOnlyList<(ushort Id, ZclValue Value)> Values =>
        [.. Records.Where(r => r.Status == ZclStatus.Success && r.Value is not null).Select(r => (r.AttributeId, r.Value!))];

    public static bool TryParse(ZclFrame frame, out ReadAttributesResponse response)
    {
        response = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.ReadAttributesResponse)) return false;
        ReadOnlySpan<byte> payload = frame.Payload;
        var records = new List<ReadAttributeRecord>();
        var offset = 0;
        while (offset < payload.Length)
        {
            if (!ZclBytes.TryReadUInt16(payload, ref offset, out var id)) return false;
            if (!ZclBytes.TryReadByte(payload, ref offset, out var status)) return false;
            if (status != (byte)ZclStatus.Success)
            {
                records.Add(new ReadAttributeRecord(id, (ZclStatus)status, null));
                continue;
            }
            if (!ZclBytes.TryReadByte(payload, ref offset, out var type)) return false;
            if (!ZclValue.TryRead(payload, ref offset, (ZclDataType)type, out var value)) return false;
            records.Add(new ReadAttributeRecord(id, ZclStatus.Success, value));
        }
        response = new ReadAttributesResponse(records);
        return true;
    }
}
