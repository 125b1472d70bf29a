using Gateway.Radio.ZWave.Associations;

namespace Gateway.Radio.ZWave.Tests.Associations;

/// <summary>Association groups: the frames, and the radio reading, refreshing and setting a node's groups.</summary>
public class AssociationGroupTests
{
    [Fact]
    public void Frames_are_laid_out_as_the_command_class_says()
    {
        Assert.Equal(Hex.Bytes("850102 0203"), AssociationFrames.Set(2, [2, 3]));
        Assert.Equal(Hex.Bytes("850201"), AssociationFrames.Get(1));
        Assert.Equal(Hex.Bytes("850402"), AssociationFrames.Remove(2, []));
        Assert.Equal(Hex.Bytes("8505"), AssociationFrames.GroupingsGet());
        var report = AssociationFrames.ParseReport(Hex.Bytes("8503 01 05 00 01 07"))!.Value;
        Assert.Equal(1, report.GroupId);
        Assert.Equal(5, report.MaxNodes);
        Assert.Equal([1, 7], report.Nodes);
        Assert.Null(AssociationFrames.ParseReport(Hex.Bytes("85030105")));
        Assert.Null(AssociationFrames.ParseReport(Hex.Bytes("2503010500")));
        Assert.Equal((byte)3, AssociationFrames.ParseGroupingsReport(Hex.Bytes("850603")));
        Assert.Null(AssociationFrames.ParseGroupingsReport(Hex.Bytes("8506")));
    }

    [Fact]
    public async Task Groups_are_refreshed_from_the_node_and_a_set_group_holds_exactly_the_nodes_given()
    {
        var network = new Network();
        var node = new AssociatingSwitch(8);
        network.Extra.Add(node);
        await using var harness = await RadioHarness.StartAsync(network);
        await Wait.UntilAsync(() => harness.Radio.Nodes.ContainsKey(8), "the associating switch was interviewed");
        Assert.Null(harness.Radio.AssociationGroups(42));

        await harness.Radio.RefreshAssociationGroupsAsync(8, null, CancellationToken.None);
        var groups = harness.Radio.AssociationGroups(8)!;
        Assert.Equal(2, groups.GroupCount);
        Assert.Equal([1], groups.Groups.Single(g => g.GroupId == 1).Nodes);
        Assert.Empty(groups.Groups.Single(g => g.GroupId == 2).Nodes);

        lock (node.Groups) node.Groups[2].Add(9);
        await harness.Radio.SetAssociationGroupAsync(8, 2, [3, 4], CancellationToken.None);
        Assert.Equal([3, 4], harness.Radio.AssociationGroups(8)!.Groups.Single(g => g.GroupId == 2).Nodes);
        lock (node.Groups) Assert.Equal([3, 4], node.Groups[2]);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Radio.RefreshAssociationGroupsAsync(2, null, CancellationToken.None));
    }
}
