using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Tests;

public class IoParameterTests
{
    [Fact]
    public void Every_closure_maps_to_512_steps_and_back_exactly()
    {
        for (var closure = 0; closure <= 100; closure++)
        {
            var parameter = IoParameter.FromClosure(closure);
            Assert.Equal(closure * 0x200, parameter);
            Assert.True(IoParameter.TryToClosure(parameter, out var back));
            Assert.Equal(closure, back);
        }
    }

    [Fact]
    public void Closure_100_is_0xC800_closed_and_0_is_open_as_pyvlx_has_it()
    {
        Assert.Equal(0xC800, IoParameter.FromClosure(100));
        Assert.Equal(0x0000, IoParameter.FromClosure(0));
        Assert.Equal(0x9600, IoParameter.FromClosure(75)); // pyvlx Position(position_percent=75)
    }

    [Fact]
    public void Values_between_steps_round_to_the_nearest_percent()
    {
        Assert.True(IoParameter.TryToClosure(0x00FF, out var low));
        Assert.Equal(0, low);
        Assert.True(IoParameter.TryToClosure(0x0100, out var half));
        Assert.Equal(1, half);
        Assert.True(IoParameter.TryToClosure(0xC7FF, out var high));
        Assert.Equal(100, high);
    }

    [Theory]
    [InlineData(0xD100, IoParameterKind.Target)]
    [InlineData(0xD200, IoParameterKind.Current)]
    [InlineData(0xD300, IoParameterKind.Default)]
    [InlineData(0xD400, IoParameterKind.Ignore)]
    [InlineData(0xF7FF, IoParameterKind.Unknown)]
    [InlineData(0xC900, IoParameterKind.Relative)]
    [InlineData(0xD0D0, IoParameterKind.Relative)]
    [InlineData(0xC801, IoParameterKind.Invalid)]
    [InlineData(0xD500, IoParameterKind.Invalid)]
    [InlineData(0x6400, IoParameterKind.Position)]
    public void Special_values_are_no_position(int parameter, IoParameterKind kind)
    {
        Assert.Equal(kind, IoParameter.KindOf((ushort)parameter));
        Assert.Equal(kind == IoParameterKind.Position, IoParameter.TryToClosure((ushort)parameter, out _));
    }

    [Fact]
    public void Closures_outside_0_to_100_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IoParameter.FromClosure(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => IoParameter.FromClosure(101));
    }
}
