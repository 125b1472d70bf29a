namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>A write attributes response: one success byte, or a status record for each attribute that failed.</summary>
public sealed record WriteAttributesResponse(IReadOnlyList<WriteAttributeStatus> Records)
{
    public bool AllSucceeded => Records.All(r => r.Status == ZclStatus.Success);

    public static bool TryParse(ZclFrame frame, out WriteAttributesResponse response)
    {
        response = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.WriteAttributesResponse)) return false;
        var payload = frame.Payload;
        if (payload.Length == 1 && payload[0] == (byte)ZclStatus.Success)
        {
            response = new WriteAttributesResponse([new WriteAttributeStatus(ZclStatus.Success, null)]);
            return true;
        }
        if (payload.Length == 0 || payload.Length % 3 != 0) return false;
        var records = new WriteAttributeStatus[payload.Length / 3];
        for (var i = 0; i < records.Length; i++)
            records[i] = new WriteAttributeStatus((ZclStatus)payload[3 * i], (ushort)(payload[3 * i + 1] | payload[3 * i + 2] << 8));
        response = new WriteAttributesResponse(records);
        return true;
    }
}
