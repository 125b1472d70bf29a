namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Color Control (0x0300), ZCL spec §5.2.</summary>
public static class ColorControlCluster
{
    public const ushort Id = ZclClusterId.ColorControl;

    public const ushort CurrentHue = 0x0000; // uint8, 0..254 ↔ 0..360°
    public const ushort CurrentSaturation = 0x0001; // uint8, 0..254
    public const ushort CurrentX = 0x0003; // uint16, x * 65536
    public const ushort CurrentY = 0x0004;
    public const ushort ColorTemperatureMireds = 0x0007; // uint16
    public const ushort ColorMode = 0x0008; // enum8: 0 hue/sat, 1 XY, 2 colour temperature
    public const ushort ColorCapabilities = 0x400A; // map16
    public const ushort ColorTempPhysicalMinMireds = 0x400B;
    public const ushort ColorTempPhysicalMaxMireds = 0x400C;

    public const byte MoveToHueCommand = 0x00;
    public const byte MoveToSaturationCommand = 0x03;
    public const byte MoveToHueAndSaturationCommand = 0x06;
    public const byte MoveToColorCommand = 0x07;
    public const byte MoveToColorTemperatureCommand = 0x0A;

    public const ushort CapabilityHueSaturation = 0x0001;
    public const ushort CapabilityXy = 0x0008;
    public const ushort CapabilityColorTemperature = 0x0010;

    public static ZclFrame MoveToColorTemperature(byte sequence, ushort mireds, ushort transitionTenths = 0) =>
        ZclFrame.ClusterCommand(sequence, MoveToColorTemperatureCommand, [(byte)mireds, (byte)(mireds >> 8), (byte)transitionTenths, (byte)(transitionTenths >> 8)]);

    public static ZclFrame MoveToHueAndSaturation(byte sequence, byte hue, byte saturation, ushort transitionTenths = 0) =>
        ZclFrame.ClusterCommand(sequence, MoveToHueAndSaturationCommand, [Math.Min(hue, (byte)254), Math.Min(saturation, (byte)254), (byte)transitionTenths, (byte)(transitionTenths >> 8)]);

    public static ZclFrame MoveToColor(byte sequence, ushort x, ushort y, ushort transitionTenths = 0) =>
        ZclFrame.ClusterCommand(sequence, MoveToColorCommand, [(byte)x, (byte)(x >> 8), (byte)y, (byte)(y >> 8), (byte)transitionTenths, (byte)(transitionTenths >> 8)]);

    public static bool TryParseMoveToColorTemperature(ZclFrame frame, out ushort mireds, out ushort transitionTenths)
    {
        mireds = transitionTenths = 0;
        if (!IsCommand(frame, MoveToColorTemperatureCommand, 4)) return false;
        mireds = (ushort)(frame.Payload[0] | frame.Payload[1] << 8);
        transitionTenths = (ushort)(frame.Payload[2] | frame.Payload[3] << 8);
        return true;
    }

    public static bool TryParseMoveToHueAndSaturation(ZclFrame frame, out byte hue, out byte saturation, out ushort transitionTenths)
    {
        hue = saturation = 0;
        transitionTenths = 0;
        if (!IsCommand(frame, MoveToHueAndSaturationCommand, 4)) return false;
        hue = frame.Payload[0];
        saturation = frame.Payload[1];
        transitionTenths = (ushort)(frame.Payload[2] | frame.Payload[3] << 8);
        return true;
    }

    public static bool TryParseMoveToColor(ZclFrame frame, out ushort x, out ushort y, out ushort transitionTenths)
    {
        x = y = transitionTenths = 0;
        if (!IsCommand(frame, MoveToColorCommand, 6)) return false;
        x = (ushort)(frame.Payload[0] | frame.Payload[1] << 8);
        y = (ushort)(frame.Payload[2] | frame.Payload[3] << 8);
        transitionTenths = (ushort)(frame.Payload[4] | frame.Payload[5] << 8);
        return true;
    }

    /// <summary>Kelvin to mireds (10⁶ / K), within the attribute's valid range 1..0xFEFF.</summary>
    public static ushort MiredsFromKelvin(int kelvin) => (ushort)Math.Clamp(Math.Round(1_000_000.0 / Math.Max(kelvin, 16)), 1, 0xFEFF);

    public static int KelvinFromMireds(long mireds) => mireds <= 0 ? 0 : (int)Math.Round(1_000_000.0 / mireds);

    /// <summary>Degrees 0..360 to the ZCL hue 0..254.</summary>
    public static byte HueFromDegrees(double degrees) => (byte)Math.Round(((degrees % 360 + 360) % 360) * 254 / 360);

    public static int DegreesFromHue(long hue) => (int)Math.Round(Math.Clamp(hue, 0, 254) * 360.0 / 254);

    /// <summary>Percent 0..100 to the ZCL saturation 0..254.</summary>
    public static byte SaturationFromPercent(double percent) => (byte)Math.Round(Math.Clamp(percent, 0, 100) * 254 / 100);

    public static int PercentFromSaturation(long saturation) => (int)Math.Round(Math.Clamp(saturation, 0, 254) * 100.0 / 254);

    /// <summary>A CIE 1931 chromaticity coordinate 0..1 to its ZCL encoding (x · 65536, at most 0xFEFF).</summary>
    public static ushort ChromaticityFromDouble(double coordinate) => (ushort)Math.Clamp(Math.Round(coordinate * 65536), 0, 0xFEFF);

    public static double DoubleFromChromaticity(long value) => Math.Clamp(value, 0, 0xFEFF) / 65536.0;

    private static bool IsCommand(ZclFrame frame, byte commandId, int minimumLength) =>
        frame.FrameType == ZclFrameType.ClusterSpecific && frame.CommandId == commandId && frame.Payload.Length >= minimumLength;
}
