using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Encapsulation;

namespace Gateway.Radio.ZWave.Tests.CommandClasses;

public class EncapsulationTests
{
    private readonly EncapsulationStack _stack = EncapsulationStack.Default();

    [Fact]
    public void Multi_channel_encapsulation_names_the_source_endpoint()
    {
        var inner = _stack.Unwrap(new EncapsulatedCommand(7, 0, Hex.Bytes("60 0D 02 00 25 03 FF")));
        Assert.Equal(2, inner!.Endpoint);
        Assert.Equal(Hex.Bytes("25 03 FF"), inner.Payload);
    }

    [Fact]
    public void A_command_for_an_endpoint_is_wrapped_and_one_for_the_root_is_not()
    {
        Assert.Equal(Hex.Bytes("60 0D 00 02 25 01 FF"), _stack.Wrap(new EncapsulatedCommand(7, 2, SwitchBinaryCommandClass.Set(true))).Payload);
        Assert.Equal(Hex.Bytes("25 01 FF"), _stack.Wrap(new EncapsulatedCommand(7, 0, SwitchBinaryCommandClass.Set(true))).Payload);
    }

    [Fact]
    public void A_truncated_encapsulation_and_a_secured_frame_are_dropped()
    {
        Assert.Null(_stack.Unwrap(new EncapsulatedCommand(7, 0, Hex.Bytes("60 0D 02"))));
        Assert.Null(_stack.Unwrap(new EncapsulatedCommand(7, 0, Hex.Bytes("98 81 01 02 03 04 05 06 07 08"))));
    }

    [Fact]
    public void A_node_that_only_offers_its_functions_under_security_needs_security()
    {
        byte[] usable = [CommandClassId.SwitchBinary];
        Assert.True(SecurityLayer.NeedsSecurity([CommandClassId.Security, CommandClassId.ManufacturerSpecific], usable));
        Assert.False(SecurityLayer.NeedsSecurity([CommandClassId.Security, CommandClassId.SwitchBinary], usable));
        Assert.False(SecurityLayer.NeedsSecurity([CommandClassId.SwitchBinary], usable));
    }
}
