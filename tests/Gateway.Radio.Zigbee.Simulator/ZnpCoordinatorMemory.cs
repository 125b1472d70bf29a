using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Gateway.Radio.Zigbee.Protocol.Commands;

namespace Gateway.Radio.Zigbee.Simulator;

/// <summary>
/// What a coordinator keeps across resets and reconnections: its NV items and the network it formed. Hand the same
/// memory to a new <see cref="ZnpCoordinatorSimulator"/> to plug the same dongle in again.
/// </summary>
public sealed class ZnpCoordinatorMemory
{
    public ConcurrentDictionary<ushort, byte[]> Nv { get; } = new();

    /// <summary>The devices in the network, by network address: they stay when the coordinator resets.</summary>
    public ConcurrentDictionary<ushort, SimulatedNode> Nodes { get; } = new();

    /// <summary>The network formed; null on a blank (factory-new) coordinator.</summary>
    public SimulatedNetwork? Network { get; private set; }

    /// <summary>The primary channel mask APP_CNF_BDB_SET_CHANNEL gave for the next formation.</summary>
    public uint PrimaryChannelMask { get; set; }

    /// <summary>The outgoing NWK frame counter, kept in the NWKKEY item as Z-Stack does.</summary>
    public uint FrameCounter
    {
        get => Nv.TryGetValue(NvIds.NwkKey, out var item) && item.Length >= 21 ? BinaryPrimitives.ReadUInt32LittleEndian(item.AsSpan(17)) : 0;
        set
        {
            if (Network is null) return;
            Nv[NvIds.NwkKey] = NwkKeyItem(Network.NetworkKey, value);
        }
    }

    /// <summary>A coordinator that already runs a network (random PAN ID and key on channel 11).</summary>
    public static ZnpCoordinatorMemory WithNetwork(ulong ieee)
    {
        var memory = new ZnpCoordinatorMemory();
        memory.Remember(new SimulatedNetwork((ushort)Random.Shared.Next(1, 0xFFF0), ieee, 11, RandomNumberGenerator.GetBytes(16)), frameCounter: 0);
        memory.Nv[NvIds.HasConfiguredZStack3] = [ZnpStartup.ConfiguredMarker];
        return memory;
    }

    /// <summary>Forms the network the NV items and the BDB channel mask describe, as formation on the stick does.</summary>
    public SimulatedNetwork Form(ulong ieee)
    {
        var configuredPan = Nv.TryGetValue(NvIds.PanId, out var pan) && pan.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(pan) : (ushort)0xFFFF;
        var panId = configuredPan is not (0 or 0xFFFF) ? configuredPan : (ushort)Random.Shared.Next(1, 0xFFF0);
        var extended = Nv.TryGetValue(NvIds.ExtendedPanId, out var ext) && ext.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(ext) : ieee;
        var mask = PrimaryChannelMask != 0 ? PrimaryChannelMask
            : Nv.TryGetValue(NvIds.ChannelList, out var list) && list.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(list) : 1u << 11;
        var channel = (byte)Enumerable.Range(11, 16).First(c => (mask & (1u << c)) != 0 || c == 26);
        var key = Nv.TryGetValue(NvIds.PreconfiguredKey, out var k) && k.Length >= 16 ? k[..16] : RandomNumberGenerator.GetBytes(16);
        var network = new SimulatedNetwork(panId, extended, channel, key);
        // A restored NWKKEY item carries the frame counter to continue from.
        Remember(network, FrameCounter);
        return network;
    }

    public void Forget()
    {
        Network = null;
        Nv.Clear();
        Nodes.Clear();
    }

    private void Remember(SimulatedNetwork network, uint frameCounter)
    {
        Network = network;
        var pan = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(pan, network.PanId);
        Nv[NvIds.PanId] = pan;
        Nv[NvIds.ExtendedPanId] = BitConverter.GetBytes(network.ExtendedPanId);
        Nv[NvIds.NwkActiveKeyInfo] = [0x00, .. network.NetworkKey];
        Nv[NvIds.NwkKey] = NwkKeyItem(network.NetworkKey, frameCounter);
    }

    private static byte[] NwkKeyItem(byte[] key, uint frameCounter)
    {
        var item = new byte[21];
        key.CopyTo(item, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(item.AsSpan(17), frameCounter);
        return item;
    }
}
