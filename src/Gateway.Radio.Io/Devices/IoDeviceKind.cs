namespace Gateway.Radio.Io.Devices;

/// <summary>How an io node appears in the setup: its controllable name, label, and whether it reports deployment.</summary>
public sealed record IoDeviceKind(string ControllableName, string Label, bool Deploys)
{
    public const string RollerShutterGeneric = "io:RollerShutterGenericIOComponent";
    public const string RollerShutterVelux = "io:RollerShutterVeluxIOComponent";
    public const string WindowOpenerVelux = "io:WindowOpenerVeluxIOComponent";
    public const string VerticalExteriorAwning = "io:VerticalExteriorAwningIOComponent";
    public const string HorizontalAwning = "io:HorizontalAwningIOComponent";
    public const string ExteriorVenetianBlind = "io:ExteriorVenetianBlindIOComponent";

    /// <summary>
    /// The kind for a node type (actuator type in the upper 10 bits, sub type in the lower 6) and io manufacturer;
    /// null for nodes the gateway does not drive yet.
    /// </summary>
    public static IoDeviceKind? For(ushort typeSubtype, byte manufacturer) => (typeSubtype >> 6) switch
    {
        2 => manufacturer == Protocol.SystemTableEntry.ManufacturerVelux
            ? new(RollerShutterVelux, "Roller shutter", false)
            : new(RollerShutterGeneric, "Roller shutter", false),
        3 => new(VerticalExteriorAwning, "Exterior screen", false),
        4 => new(WindowOpenerVelux, "Window", false),
        16 => new(HorizontalAwning, "Awning", true),
        17 => new(ExteriorVenetianBlind, "Exterior venetian blind", false),
        _ => null,
    };
}
