using System.Text.Json;
using Gateway.Core.Catalog;
using Gateway.Core.Radio;
using Gateway.Radio.Io.Devices;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Tests;

public class IoDeviceKindTests
{
    private static readonly DeviceCatalog Catalog = DeviceCatalog.LoadEmbedded();

    [Theory]
    [InlineData(0x0080, SystemTableEntry.ManufacturerSomfy, "io:RollerShutterGenericIOComponent")]
    [InlineData(0x0080, SystemTableEntry.ManufacturerVelux, "io:RollerShutterVeluxIOComponent")]
    [InlineData(0x0101, SystemTableEntry.ManufacturerVelux, "io:WindowOpenerVeluxIOComponent")]
    [InlineData(0x00C0, SystemTableEntry.ManufacturerSomfy, "io:VerticalExteriorAwningIOComponent")]
    [InlineData(0x0401, SystemTableEntry.ManufacturerSomfy, "io:HorizontalAwningIOComponent")]
    [InlineData(0x0440, SystemTableEntry.ManufacturerSomfy, "io:ExteriorVenetianBlindIOComponent")]
    public void Each_node_type_is_a_catalog_kind_whose_commands_the_radio_can_send(int type, byte manufacturer, string controllable)
    {
        var kind = IoDeviceKind.For((ushort)type, manufacturer)!;
        Assert.Equal(controllable, kind.ControllableName);
        var definition = Catalog.Get(controllable).Definition;
        var node = new IoNode(3, 0x123456, kind, new NodeInformation(), manufacturer);
        string[] movements = kind.Deploys ? ["deploy", "undeploy", "stop", "my", "setClosure"] : ["open", "close", "stop", "my", "setClosure"];
        foreach (var name in movements)
        {
            Assert.NotNull(definition.FindCommand(name));
            var parameters = name == "setClosure" ? new[] { JsonSerializer.SerializeToElement(40) } : [];
            IoRadio.MainParameterFor(node, new RadioCommand(node.Address, name, parameters));
        }
    }

    [Fact]
    public void Node_types_the_gateway_does_not_drive_have_no_kind()
    {
        Assert.Null(IoDeviceKind.For(0x0180, SystemTableEntry.ManufacturerVelux)); // light
        Assert.Null(IoDeviceKind.For(0x0240, SystemTableEntry.ManufacturerVelux)); // door lock
    }
}
