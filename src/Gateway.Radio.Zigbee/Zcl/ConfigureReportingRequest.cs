namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>A configure reporting request as a device receives it; "timeout period" records (direction 1) are kept apart.</summary>
public sealed record ConfigureReportingRequest(IReadOnlyList<ReportingConfiguration> Reported, IReadOnlyList<(ushort AttributeId, ushort Timeout)> Received)
{
    public static bool TryParse(ZclFrame frame, out ConfigureReportingRequest request)
    {
        request = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.ConfigureReporting)) return false;
        ReadOnlySpan<byte> payload = frame.Payload;
        var reported = new List<ReportingConfiguration>();
        var received = new List<(ushort, ushort)>();
        var offset = 0;
        while (offset < payload.Length)
        {
            if (!ZclBytes.TryReadByte(payload, ref offset, out var direction)) return false;
            if (!ZclBytes.TryReadUInt16(payload, ref offset, out var id)) return false;
            if (direction == 0x01)
            {
                if (!ZclBytes.TryReadUInt16(payload, ref offset, out var timeout)) return false;
                received.Add((id, timeout));
                continue;
            }
            if (direction != 0x00) return false;
            if (!ZclBytes.TryReadByte(payload, ref offset, out var typeByte)) return false;
            var type = (ZclDataType)typeByte;
            if (!ZclDataTypes.IsKnown(type)) return false;
            if (!ZclBytes.TryReadUInt16(payload, ref offset, out var minimum)) return false;
            if (!ZclBytes.TryReadUInt16(payload, ref offset, out var maximum)) return false;
            ZclValue? change = null;
            if (ZclDataTypes.IsAnalog(type) && !ZclValue.TryRead(payload, ref offset, type, out change)) return false;
            reported.Add(new ReportingConfiguration(id, type, minimum, maximum, change));
        }
        request = new ConfigureReportingRequest(reported, received);
        return true;
    }
}
