using System.Buffers.Binary;
using System.Text;
using Gateway.Daemon.Gpio;

namespace Gateway.Daemon.Tests.Gpio;

/// <summary>The byte layout of the v2 uAPI structures, against the values include/uapi/linux/gpio.h gives.</summary>
public class GpioUapiTests
{
    [Fact]
    public void The_ioctl_numbers_are_those_of_the_kernel_header()
    {
        Assert.Equal(0xC250B407u, GpioUapi.GetLineIoctl);
        Assert.Equal(0xC010B40Fu, GpioUapi.SetValuesIoctl);
    }

    [Fact]
    public void A_button_request_names_the_line_consumer_flags_and_debounce_where_the_kernel_reads_them()
    {
        var flags = GpioUapi.FlagInput | GpioUapi.FlagEdgeRising | GpioUapi.FlagEdgeFalling | GpioUapi.FlagActiveLow | GpioUapi.FlagBiasPullUp;

        var request = GpioUapi.LineRequest(27, "gatewayd", flags, debounce: TimeSpan.FromMilliseconds(30));

        Assert.Equal(592, request.Length);
        Assert.Equal(27u, BinaryPrimitives.ReadUInt32LittleEndian(request));
        Assert.Equal("gatewayd", Encoding.ASCII.GetString(request, 256, 32).TrimEnd('\0'));
        Assert.Equal(0x136UL, BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(288)));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(296))); // num_attrs
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(320))); // GPIO_V2_LINE_ATTR_ID_DEBOUNCE
        Assert.Equal(30_000u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(328))); // debounce_period_us
        Assert.Equal(1UL, BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(336))); // mask: line 0
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(560))); // num_lines
    }

    [Fact]
    public void An_led_request_carries_its_initial_value_as_an_output_values_attribute()
    {
        var request = GpioUapi.LineRequest(17, "gatewayd", GpioUapi.FlagOutput, outputValue: true);

        Assert.Equal(0x8UL, BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(288)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(320))); // GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES
        Assert.Equal(1UL, BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(328)));
        Assert.Equal(1UL, BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(336)));
    }

    [Fact]
    public void Line_values_and_events_are_read_and_written_as_the_kernel_does()
    {
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], GpioUapi.LineValues(true));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], GpioUapi.LineValues(false));
        var lineEvent = new byte[48];
        BinaryPrimitives.WriteUInt64LittleEndian(lineEvent, 123_456_789);
        BinaryPrimitives.WriteUInt32LittleEndian(lineEvent.AsSpan(8), 1);
        Assert.True(GpioUapi.EdgeOf(lineEvent));
        BinaryPrimitives.WriteUInt32LittleEndian(lineEvent.AsSpan(8), 2);
        Assert.False(GpioUapi.EdgeOf(lineEvent));
        BinaryPrimitives.WriteUInt32LittleEndian(lineEvent.AsSpan(8), 7);
        Assert.Null(GpioUapi.EdgeOf(lineEvent));
    }
}
