namespace Gateway.Radio.ZWave.Serial;

/// <summary>Encodes data frames; the checksum is 0xFF XOR every byte from LEN to the last payload byte.</summary>
public static class SerialFrameCodec
{
    public static byte[] Encode(SerialFrame frame)
    {
        var length = frame.Payload.Length + FrameBytes.MinLength;
        if (length > byte.MaxValue) throw new ArgumentException($"a Serial API payload holds at most {byte.MaxValue - FrameBytes.MinLength} bytes");
        var bytes = new byte[length + 2];
        bytes[0] = FrameBytes.Sof;
        bytes[1] = (byte)length;
        bytes[2] = (byte)frame.Type;
        bytes[3] = frame.FunctionId;
        frame.Payload.CopyTo(bytes, 4);
        bytes[^1] = Checksum(bytes.AsSpan(1, length));
        return bytes;
    }

    /// <summary>The checksum over LEN, TYPE, FUNC and the payload.</summary>
    public static byte Checksum(ReadOnlySpan<byte> lengthToPayload)
    {
        byte checksum = 0xFF;
        foreach (var b in lengthToPayload) checksum ^= b;
        return checksum;
    }
}
