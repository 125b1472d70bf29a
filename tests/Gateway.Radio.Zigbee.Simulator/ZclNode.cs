using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Simulator;

/// <summary>Puts a ZCL device of the simulator behind a <see cref="SimulatedNode"/>: its endpoints answer the interview, its clusters the gateway's frames.</summary>
public static class ZclNode
{
    /// <summary>The node; frames the device sends on its own go out through <paramref name="coordinator"/>.</summary>
    public static SimulatedNode For(SimulatedZigbeeDevice device, ZnpCoordinatorSimulator coordinator) => For(device, () => coordinator);

    /// <summary>As <see cref="For(SimulatedZigbeeDevice, ZnpCoordinatorSimulator)"/>, for a coordinator that changes (reconnections).</summary>
    public static SimulatedNode For(SimulatedZigbeeDevice device, Func<ZnpCoordinatorSimulator?> coordinator)
    {
        var mains = device.PowerSource == ZigbeePowerSource.Mains;
        var node = new SimulatedNode(device.Ieee, device.NetworkAddress,
            [.. device.Endpoints.Select(e => new SimpleDescriptor(e.Endpoint, e.ProfileId, e.DeviceId, 1, e.InClusters, e.OutClusters))])
        {
            LogicalType = mains ? ZigbeeLogicalType.Router : ZigbeeLogicalType.EndDevice,
            MacCapabilities = mains ? SimulatedNode.RouterCapabilities : SimulatedNode.SleepyEndDeviceCapabilities,
            ApplicationHandler = (endpoint, cluster, payload) => ZclCodec.TryDecode(payload, out var frame)
                ? [.. device.HandleZcl(endpoint, cluster, frame).Select(a => (a.Cluster, ZclCodec.Encode(a.Frame)))]
                : [],
        };
        device.Emitted += message =>
        {
            if (coordinator() is { } c) _ = c.SendFromAsync(node, message.Endpoint, message.Cluster, ZclCodec.Encode(message.Frame));
        };
        return node;
    }
}
