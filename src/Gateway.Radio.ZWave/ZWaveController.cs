using Gateway.Radio.ZWave.SerialApi;

namespace Gateway.Radio.ZWave;

/// <summary>What start-up read from the controller.</summary>
public sealed record ZWaveController(SerialApiCapabilities Capabilities, LibraryVersion Library, ControllerCapabilities Role, MemoryId Network, InitData InitData)
{
    public uint HomeId => Network.HomeId;
    public byte OwnNodeId => Network.NodeId;
}
