namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>Builders for the global commands (ZCL spec §2.5).</summary>
public static class ZclGlobal
{
    public static ZclFrame ReadAttributes(byte sequence, params ushort[] attributeIds) =>
        Read(sequence, null, attributeIds);

    /// <summary>Reads manufacturer-specific attributes: the frame carries the manufacturer code.</summary>
    public static ZclFrame ReadManufacturerAttributes(byte sequence, ushort manufacturerCode, params ushort[] attributeIds) =>
        Read(sequence, manufacturerCode, attributeIds);

    private static ZclFrame Read(byte sequence, ushort? manufacturerCode, ushort[] attributeIds)
    {
        var payload = new List<byte>(attributeIds.Length * 2);
        foreach (var id in attributeIds) ZclBytes.WriteUInt16(payload, id);
        return ZclFrame.Global(sequence, ZclGlobalCommand.ReadAttributes, [.. payload], manufacturerCode: manufacturerCode);
    }

    public static ZclFrame ReadAttributesResponse(byte sequence, IEnumerable<ReadAttributeRecord> records)
    {
        var payload = new List<byte>();
        foreach (var record in records)
        {
            ZclBytes.WriteUInt16(payload, record.AttributeId);
            payload.Add((byte)record.Status);
            if (record.Status != ZclStatus.Success) continue;
            var value = record.Value ?? throw new ArgumentException($"attribute 0x{record.AttributeId:X4} succeeded without a value", nameof(records));
            payload.Add((byte)value.Type);
            value.WriteTo(payload);
        }
        return ZclFrame.Global(sequence, ZclGlobalCommand.ReadAttributesResponse, [.. payload], ZclDirection.ServerToClient, disableDefaultResponse: true);
    }

    public static ZclFrame WriteAttributes(byte sequence, params (ushort Id, ZclValue Value)[] attributes) =>
        ZclFrame.Global(sequence, ZclGlobalCommand.WriteAttributes, AttributeList(attributes));

    public static ZclFrame WriteAttributesResponse(byte sequence, IReadOnlyList<WriteAttributeStatus> failures)
    {
        var payload = new List<byte>();
        if (failures.Count == 0) payload.Add((byte)ZclStatus.Success);
        foreach (var failure in failures)
        {
            payload.Add((byte)failure.Status);
            ZclBytes.WriteUInt16(payload, failure.AttributeId ?? 0);
        }
        return ZclFrame.Global(sequence, ZclGlobalCommand.WriteAttributesResponse, [.. payload], ZclDirection.ServerToClient, disableDefaultResponse: true);
    }

    public static ZclFrame ConfigureReporting(byte sequence, IEnumerable<ReportingConfiguration> configurations)
    {
        var payload = new List<byte>();
        foreach (var configuration in configurations)
        {
            payload.Add(0x00); // direction: the receiver reports
            ZclBytes.WriteUInt16(payload, configuration.AttributeId);
            payload.Add((byte)configuration.DataType);
            ZclBytes.WriteUInt16(payload, configuration.MinimumInterval);
            ZclBytes.WriteUInt16(payload, configuration.MaximumInterval);
            if (!ZclDataTypes.IsAnalog(configuration.DataType)) continue;
            if (configuration.ReportableChange is { } change && change.Type == configuration.DataType) change.WriteTo(payload);
            else ZclBytes.WriteLittleEndian(payload, 0, ZclDataTypes.FixedLength(configuration.DataType) ?? 0);
        }
        return ZclFrame.Global(sequence, ZclGlobalCommand.ConfigureReporting, [.. payload]);
    }

    public static ZclFrame ConfigureReportingResponse(byte sequence, IReadOnlyList<ConfigureReportingStatus> failures)
    {
        var payload = new List<byte>();
        if (failures.Count == 0) payload.Add((byte)ZclStatus.Success);
        foreach (var failure in failures)
        {
            payload.Add((byte)failure.Status);
            payload.Add(failure.Direction);
            ZclBytes.WriteUInt16(payload, failure.AttributeId ?? 0);
        }
        return ZclFrame.Global(sequence, ZclGlobalCommand.ConfigureReportingResponse, [.. payload], ZclDirection.ServerToClient, disableDefaultResponse: true);
    }

    public static ZclFrame ReportAttributes(byte sequence, params (ushort Id, ZclValue Value)[] attributes) =>
        ZclFrame.Global(sequence, ZclGlobalCommand.ReportAttributes, AttributeList(attributes), ZclDirection.ServerToClient, disableDefaultResponse: true);

    /// <summary>The default response to <paramref name="request"/>: same sequence, opposite direction.</summary>
    public static ZclFrame DefaultResponse(ZclFrame request, ZclStatus status) =>
        DefaultResponse(request.Sequence, request.CommandId, status,
            request.Direction == ZclDirection.ClientToServer ? ZclDirection.ServerToClient : ZclDirection.ClientToServer,
            request.ManufacturerCode);

    public static ZclFrame DefaultResponse(byte sequence, byte commandId, ZclStatus status, ZclDirection direction = ZclDirection.ServerToClient, ushort? manufacturerCode = null) =>
        ZclFrame.Global(sequence, ZclGlobalCommand.DefaultResponse, [commandId, (byte)status], direction, manufacturerCode, disableDefaultResponse: true);

    public static ZclFrame DiscoverAttributes(byte sequence, ushort startAttributeId = 0, byte maximumCount = 0xFF)
    {
        var payload = new List<byte>(3);
        ZclBytes.WriteUInt16(payload, startAttributeId);
        payload.Add(maximumCount);
        return ZclFrame.Global(sequence, ZclGlobalCommand.DiscoverAttributes, [.. payload]);
    }

    public static ZclFrame DiscoverAttributesResponse(byte sequence, bool complete, IEnumerable<DiscoveredAttribute> attributes)
    {
        var payload = new List<byte> { (byte)(complete ? 1 : 0) };
        foreach (var attribute in attributes)
        {
            ZclBytes.WriteUInt16(payload, attribute.AttributeId);
            payload.Add((byte)attribute.DataType);
        }
        return ZclFrame.Global(sequence, ZclGlobalCommand.DiscoverAttributesResponse, [.. payload], ZclDirection.ServerToClient, disableDefaultResponse: true);
    }

    private static byte[] AttributeList(IEnumerable<(ushort Id, ZclValue Value)> attributes)
    {
        var payload = new List<byte>();
        foreach (var (id, value) in attributes)
        {
            ZclBytes.WriteUInt16(payload, id);
            payload.Add((byte)value.Type);
            value.WriteTo(payload);
        }
        return [.. payload];
    }

    /// <summary>Reads attribute id, type and value triples up to the end of the payload.</summary>
    internal static bool TryReadAttributeList(ReadOnlySpan<byte> payload, out IReadOnlyList<(ushort Id, ZclValue Value)> attributes)
    {
        var list = new List<(ushort Id, ZclValue Value)>();
        attributes = list;
        var offset = 0;
        while (offset < payload.Length)
        {
            if (!ZclBytes.TryReadUInt16(payload, ref offset, out var id)) return false;
            if (!ZclBytes.TryReadByte(payload, ref offset, out var type)) return false;
            if (!ZclValue.TryRead(payload, ref offset, (ZclDataType)type, out var value)) return false;
            list.Add((id, value));
        }
        return true;
    }
}
