using System.Buffers.Binary;
using System.Text;

namespace Gateway.Daemon.Gpio;

/// <summary>
/// The Linux GPIO character device v2 uAPI (include/uapi/linux/gpio.h), laid out by hand: struct gpio_v2_line_request
/// is 592 bytes, gpio_v2_line_values 16, gpio_v2_line_event 48, the same on 64-bit x86 and ARM.
/// </summary>
public static class GpioUapi
{
    public const int LineRequestSize = 592;
    public const int LineValuesSize = 16;
    public const int LineEventSize = 48;

    /// <summary>_IOWR(0xB4, 0x07, struct gpio_v2_line_request).</summary>
    public const uint GetLineIoctl = (3u << 30) | ((uint)LineRequestSize << 16) | (0xB4u << 8) | 0x07;

    /// <summary>_IOWR(0xB4, 0x0F, struct gpio_v2_line_values).</summary>
    public const uint SetValuesIoctl = (3u << 30) | ((uint)LineValuesSize << 16) | (0xB4u << 8) | 0x0F;

    public const ulong FlagActiveLow = 1 << 1;
    public const ulong FlagInput = 1 << 2;
    public const ulong FlagOutput = 1 << 3;
    public const ulong FlagEdgeRising = 1 << 4;
    public const ulong FlagEdgeFalling = 1 << 5;
    public const ulong FlagBiasPullUp = 1 << 8;
    public const ulong FlagBiasPullDown = 1 << 9;

    public const uint EventRisingEdge = 1;
    public const uint EventFallingEdge = 2;

    private const uint AttributeOutputValues = 2;
    private const uint AttributeDebounce = 3;
    private const int ConsumerOffset = 256;
    private const int FlagsOffset = 288;
    private const int AttributeCountOffset = 296;
    private const int AttributesOffset = 320;
    private const int AttributeSize = 24;
    private const int LineCountOffset = 560;
    public const int FdOffset = 588;

    /// <summary>A request for one line at <paramref name="offset"/> with <paramref name="flags"/>.</summary>
    public static byte[] LineRequest(int offset, string consumer, ulong flags, bool? outputValue = null, TimeSpan? debounce = null)
    {
        var request = new byte[LineRequestSize];
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)offset);
        Encoding.ASCII.GetBytes(consumer.AsSpan(0, Math.Min(consumer.Length, 31)), request.AsSpan(ConsumerOffset));
        BinaryPrimitives.WriteUInt64LittleEndian(request.AsSpan(FlagsOffset), flags);
        var attributes = 0;
        if (outputValue is { } value) WriteAttribute(request, attributes++, AttributeOutputValues, value ? 1UL : 0UL);
        if (debounce is { } period) WriteAttribute(request, attributes++, AttributeDebounce, (ulong)(period.Ticks / TimeSpan.TicksPerMicrosecond));
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(AttributeCountOffset), (uint)attributes);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(LineCountOffset), 1);
        return request;
    }

    /// <summary>gpio_v2_line_values for the request's only line.</summary>
    public static byte[] LineValues(bool active)
    {
        var values = new byte[LineValuesSize];
        BinaryPrimitives.WriteUInt64LittleEndian(values, active ? 1UL : 0UL);
        BinaryPrimitives.WriteUInt64LittleEndian(values.AsSpan(8), 1);
        return values;
    }

    /// <summary>The edge of a gpio_v2_line_event: true for rising (active), false for falling, null for anything else.</summary>
    public static bool? EdgeOf(ReadOnlySpan<byte> lineEvent) => BinaryPrimitives.ReadUInt32LittleEndian(lineEvent[8..]) switch
    {
        EventRisingEdge => true,
        EventFallingEdge => false,
        _ => null,
    };

    private static void WriteAttribute(byte[] request, int index, uint id, ulong value)
    {
        var attribute = request.AsSpan(AttributesOffset + index * AttributeSize, AttributeSize);
        BinaryPrimitives.WriteUInt32LittleEndian(attribute, id);
        BinaryPrimitives.WriteUInt64LittleEndian(attribute[8..], value);
        BinaryPrimitives.WriteUInt64LittleEndian(attribute[16..], 1); // mask: the request's line 0
    }
}
