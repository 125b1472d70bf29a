using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;

namespace Gateway.Radio.ZWave.Tests.SerialApi;

/// <summary>The network management requests and callbacks, byte for byte as the Serial API lays them out.</summary>
public class NetworkManagementCodecTests
{
    [Fact]
    public void AddNodeToNetwork_any_node_at_high_power_network_wide_with_callback_7()
    {
        var frame = SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.AddNodeToNetwork, AddNodeToNetwork.Start(AddNodeToNetwork.FlagHighPower | AddNodeToNetwork.FlagNetworkWide, 7)));
        Assert.Equal(Hex.Bytes("0105004AC10776"), frame);
        Assert.Equal(AddNodeToNetwork.ModeAny, AddNodeToNetwork.ModeOf([0xC1, 0x07]));
    }

    [Fact]
    public void Stops_are_mode_5_with_or_without_a_callback()
    {
        Assert.Equal(Hex.Bytes("0500"), AddNodeToNetwork.Stop(0));
        Assert.Equal(Hex.Bytes("0509"), RemoveNodeFromNetwork.Stop(9));
        Assert.Equal(RemoveNodeFromNetwork.ModeStop, RemoveNodeFromNetwork.ModeOf(RemoveNodeFromNetwork.Stop(0)));
        Assert.Equal(Hex.Bytes("0103"), RemoveNodeFromNetwork.Start(0, 3));
    }

    [Fact]
    public void Adding_slave_status_carries_the_new_node_and_its_node_information()
    {
        // callback 7, status 3 (adding slave), node 9, 6 bytes: basic 04, generic 10, specific 01, classes 25 86 72
        var status = NetworkManagementStatus.Parse(Hex.Bytes("0703090604100125 8672"))!;
        Assert.Equal(7, status.CallbackId);
        Assert.Equal(AddNodeToNetwork.StatusAddingSlave, status.Status);
        Assert.Equal(9, status.NodeId);
        Assert.Equal(0x10, status.Information!.Generic);
        Assert.Equal(0x01, status.Information.Specific);
        Assert.Equal([0x25, 0x86, 0x72], status.Information.CommandClasses);
        Assert.Equal(Hex.Bytes("07030906041001258672"), status.Encode());
    }

    [Fact]
    public void Status_without_node_information_has_none_and_short_ones_are_refused()
    {
        var removing = NetworkManagementStatus.Parse(Hex.Bytes("05030400"))!;
        Assert.Equal(RemoveNodeFromNetwork.StatusRemovingSlave, removing.Status);
        Assert.Equal(4, removing.NodeId);
        Assert.Null(removing.Information);
        var ready = NetworkManagementStatus.Parse(Hex.Bytes("0501"))!;
        Assert.Equal(0, ready.NodeId);
        Assert.Null(NetworkManagementStatus.Parse(Hex.Bytes("05")));
        // A length byte that promises more than the frame holds gives no node information rather than garbage.
        Assert.Null(NetworkManagementStatus.Parse(Hex.Bytes("070309200410"))!.Information);
    }

    [Fact]
    public void Failed_node_requests_responses_and_callbacks()
    {
        Assert.Equal(Hex.Bytes("0501"), FailedNode.Request(5, 1));
        Assert.True(FailedNode.IsFailed([0x01]));
        Assert.False(FailedNode.IsFailed([0x00]));
        Assert.False(FailedNode.IsFailed([]));
        Assert.Equal(FailedNode.StatusNodeRemoved, FailedNode.Status([0x05, 0x01]));
        Assert.Null(FailedNode.Status([0x05]));
        Assert.Contains("does not know", FailedNode.Refusal(FailedNode.NodeNotFound));
        Assert.Contains("busy", FailedNode.Refusal(FailedNode.ProcessBusy));
    }

    [Fact]
    public void SetDefault_and_SoftReset_frames()
    {
        Assert.Equal(Hex.Bytes("0104004201B8"), SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.SetDefault, SetDefault.Request(1))));
        Assert.Equal(Hex.Bytes("01030008F4"), SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.SoftReset)));
    }
}
