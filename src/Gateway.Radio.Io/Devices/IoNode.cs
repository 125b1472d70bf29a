using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Devices;

/// <summary>A node of the KLF-200's system table the gateway drives: its node id, io address and kind.</summary>
public sealed record IoNode(byte NodeId, int IoAddress, IoDeviceKind Kind, NodeInformation Information, byte Manufacturer)
{
    /// <summary>The deviceURL address: the node's 24-bit io address in decimal, as a TaHoma box writes it.</summary>
    public string Address => IoAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string ManufacturerName => Manufacturer switch
    {
        SystemTableEntry.ManufacturerVelux => "Velux",
        SystemTableEntry.ManufacturerSomfy => "Somfy",
        _ => $"io manufacturer {Manufacturer}",
    };
}
