namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>The ZCL header (spec §2.4.1): frame control, optional manufacturer code, sequence number, command id.</summary>
public static class ZclCodec
{
    private const byte FrameTypeMask = 0x03;
    private const byte ManufacturerSpecificBit = 0x04;
    private const byte DirectionBit = 0x08;
    private const byte DisableDefaultResponseBit = 0x10;

    public static byte[] Encode(ZclFrame frame)
    {
        var headerLength = frame.ManufacturerCode is null ? 3 : 5;
        var bytes = new byte[headerLength + frame.Payload.Length];
        var control = (byte)((byte)frame.FrameType & FrameTypeMask);
        if (frame.ManufacturerCode is not null) control |= ManufacturerSpecificBit;
        if (frame.Direction == ZclDirection.ServerToClient) control |= DirectionBit;
        if (frame.DisableDefaultResponse) control |= DisableDefaultResponseBit;
        var i = 0;
        bytes[i++] = control;
        if (frame.ManufacturerCode is { } code)
        {
            bytes[i++] = (byte)code;
            bytes[i++] = (byte)(code >> 8);
        }
        bytes[i++] = frame.Sequence;
        bytes[i++] = frame.CommandId;
        frame.Payload.CopyTo(bytes, i);
        return bytes;
    }

    /// <summary>Decodes a header and keeps the rest as payload; false for a short header or a reserved frame type.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out ZclFrame frame)
    {
        frame = null!;
        if (data.Length < 3) return false;
        var control = data[0];
        var frameType = control & FrameTypeMask;
        if (frameType > (byte)ZclFrameType.ClusterSpecific) return false;
        var i = 1;
        ushort? manufacturer = null;
        if ((control & ManufacturerSpecificBit) != 0)
        {
            if (data.Length < 5) return false;
            manufacturer = (ushort)(data[1] | data[2] << 8);
            i = 3;
        }
        var sequence = data[i++];
        var commandId = data[i++];
        frame = new ZclFrame(
            (ZclFrameType)frameType,
            manufacturer,
            (control & DirectionBit) != 0 ? ZclDirection.ServerToClient : ZclDirection.ClientToServer,
            (control & DisableDefaultResponseBit) != 0,
            sequence,
            commandId,
            data[i..].ToArray());
        return true;
    }
}
