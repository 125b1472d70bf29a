using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Tests.Associations;

/// <summary>Association groups: the frames, and the radio reading, refreshing and setting a node's groups.</summary>
public class AssociationGroupTests
{
    [Fact]
    public void Frames_are_laid_out_as_the_command_class_says()
    {
        Assert.Equal(Hex.Bytes("850102 0203"), AssociationCommandClass.Set(2, 2, 3));
        Assert.Equal(Hex.Bytes("850201"), AssociationCommandClass.Get(1));
        Assert.Equal(Hex.Bytes("850402"), AssociationCommandClass.Remove(2));
        Assert.Equal(Hex.Bytes("8505"), AssociationCommandClass.GroupingsGet());
        var report = Assert.IsType<AssociationReport>(CommandClassDecoder.Decode(Hex.Bytes("8503 01 05 00 01 07")));
        Assert.Equal(1, report.Group);
        Assert.Equal(5, report.MaxNodes);
        Assert.Equal([1, 7], report.NodeIds);
        Assert.Equal(Hex.Bytes("8503 01 05 00 01 07"), AssociationCommandClass.Report(1, 5, 1, 7));
        Assert.Null(CommandClassDecoder.Decode(Hex.Bytes("85030105")));
        Assert.Null(CommandClassDecoder.Decode(Hex.Bytes("8503 00 05 00")));
        Assert.IsNotType<AssociationReport>(CommandClassDecoder.Decode(Hex.Bytes("2503010500")));
        Assert.Equal(new AssociationGroupingsReport(3), CommandClassDecoder.Decode(Hex.Bytes("850603")));
        Assert.Equal(Hex.Bytes("850603"), AssociationCommandClass.GroupingsReport(3));
        Assert.Null(CommandClassDecoder.Decode(Hex.Bytes("8506")));
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
