namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>A configure reporting response: one success byte, or a status record for each failed attribute (ZCL spec §2.5.8).</summary>
public sealed record ConfigureReportingResponse(IReadOnlyList<ConfigureReportingStatus> Records)
{
    public bool AllSucceeded => Records.All(r => r.Status == ZclStatus.Success);

    public static bool TryParse(ZclFrame frame, out ConfigureReportingResponse response)
    {
        response = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.ConfigureReportingResponse)) return false;
        var payload = frame.Payload;
        if (payload.Length == 1)
        {
            response = new ConfigureReportingResponse([new ConfigureReportingStatus((ZclStatus)payload[0], 0, null)]);
            return true;
        }
        if (payload.Length == 0 || payload.Length % 4 != 0) return false;
        var records = new ConfigureReportingStatus[payload.Length / 4];
        for (var i = 0; i < records.Length; i++)
            records[i] = new ConfigureReportingStatus((ZclStatus)payload[4 * i], payload[4 * i + 1], (ushort)(payload[4 * i + 2] | payload[4 * i + 3] << 8));
        response = new ConfigureReportingResponse(records);
        return true;
    }
}
