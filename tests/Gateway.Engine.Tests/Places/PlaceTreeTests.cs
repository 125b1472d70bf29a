using Gateway.Core.Errors;
using Gateway.Core.Model;
using Gateway.Engine.Places;

namespace Gateway.Engine.Tests.Places;

public class PlaceTreeTests
{
    private static readonly PlaceRecord Root = new("root", null, "My home", 0, null, 1, 1);

    private static PlaceTree HouseWithTwoFloors(out string ground, out string first, out string kitchen)
    {
        var tree = new PlaceTree(Root, []);
        ground = tree.Add("ground", "root", "Ground floor", 1, null, 10).Oid;
        first = tree.Add("first", "root", "First floor", 1, null, 11).Oid;
        kitchen = tree.Add("kitchen", ground, "Kitchen", 2, "{\"icon\":\"pan\"}", 12).Oid;
        return tree;
    }

    [Fact]
    public void Build_nests_sub_places_under_their_parents_in_creation_order()
    {
        var tree = HouseWithTwoFloors(out _, out _, out _);

        var root = tree.Build("root");

        Assert.Equal(new[] { "Ground floor", "First floor" }, root.SubPlaces.Select(p => p.Label));
        var kitchen = Assert.Single(root.SubPlaces[0].SubPlaces);
        Assert.Equal(("Kitchen", 2, "{\"icon\":\"pan\"}"), (kitchen.Label, kitchen.Type, kitchen.Metadata));
        Assert.Empty(root.SubPlaces[1].SubPlaces);
    }

    [Fact]
    public void Adding_under_an_unknown_parent_is_an_unknown_object()
    {
        var tree = new PlaceTree(Root, []);

        var error = Assert.Throws<OverkizException>(() => tree.Add("x", "nowhere", "Room", 2, null, 5)).Error;

        Assert.Equal(("UNSPECIFIED_ERROR", "Unknown object."), (error.ErrorCode, error.Error));
        Assert.False(tree.Contains("x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_label_is_refused(string label)
    {
        var tree = new PlaceTree(Root, []);

        var error = Assert.Throws<OverkizException>(() => tree.Add("x", "root", label, 2, null, 5)).Error;

        Assert.Equal(400, error.Status);
        Assert.Equal("INVALID_PARAMETER", error.ErrorCode);
    }

    [Fact]
    public void A_label_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        var tree = new PlaceTree(Root, []);

        var error = Assert.Throws<OverkizException>(() => tree.Add("x", "root", new string('a', 129), 2, null, 5)).Error;
        tree.Add("y", "root", new string('a', 128), 2, null, 5);

        Assert.Contains("128", error.Error);
        Assert.True(tree.Contains("y"));
    }

    [Fact]
    public void Moving_a_place_under_its_own_descendant_or_itself_is_refused()
    {
        var tree = HouseWithTwoFloors(out var ground, out _, out var kitchen);

        var underChild = Assert.Throws<OverkizException>(() => tree.Move(ground, kitchen, 20)).Error;
        var underItself = Assert.Throws<OverkizException>(() => tree.Move(ground, ground, 20)).Error;

        Assert.Contains("under itself", underChild.Error);
        Assert.Contains("under itself", underItself.Error);
        Assert.Equal("root", tree.Get(ground).ParentOid);
    }

    [Fact]
    public void The_root_cannot_be_moved_or_deleted()
    {
        var tree = HouseWithTwoFloors(out var ground, out _, out _);

        Assert.Contains("root", Assert.Throws<OverkizException>(() => tree.Move("root", ground, 20)).Error.Error);
        Assert.Contains("root", Assert.Throws<OverkizException>(() => tree.Delete("root", holdsDevices: false)).Error.Error);
    }

    [Fact]
    public void Moving_a_place_takes_its_sub_places_along()
    {
        var tree = HouseWithTwoFloors(out var ground, out var first, out var kitchen);

        var moved = tree.Move(ground, first, 20);

        Assert.Equal((first, 20L), (moved.ParentOid, moved.LastUpdateTime));
        var firstFloor = tree.Build(first);
        Assert.Equal(kitchen, Assert.Single(Assert.Single(firstFloor.SubPlaces).SubPlaces).Oid);
    }

    [Fact]
    public void A_place_with_sub_places_or_devices_is_not_deleted_and_an_empty_one_is()
    {
        var tree = HouseWithTwoFloors(out var ground, out var first, out var kitchen);

        Assert.Contains("sub-places", Assert.Throws<OverkizException>(() => tree.Delete(ground, holdsDevices: false)).Error.Error);
        Assert.Contains("devices", Assert.Throws<OverkizException>(() => tree.Delete(first, holdsDevices: true)).Error.Error);
        tree.Delete(kitchen, holdsDevices: false);
        tree.Delete(ground, holdsDevices: false);

        Assert.False(tree.Contains(kitchen));
        Assert.False(tree.Contains(ground));
        Assert.True(tree.Contains(first));
    }

    [Fact]
    public void Stored_places_whose_parent_is_missing_or_that_form_a_loop_are_put_under_the_root()
    {
        PlaceRecord[] stored =
        [
            new("a", "b", "A", 2, null, 1, 1),
            new("b", "a", "B", 2, null, 1, 1),
            new("orphan", "gone", "Orphan", 2, null, 1, 1),
            new("child", "orphan", "Child", 2, null, 1, 1),
        ];

        var tree = new PlaceTree(Root, stored);

        Assert.Equal(5, tree.Count);
        Assert.Equal("orphan", tree.Get("child").ParentOid);
        Assert.Contains(tree.Repaired, p => p.Oid == "orphan");
        var root = tree.Build("root");
        Assert.Equal(5, Count(root));
    }

    private static int Count(Place place) => 1 + place.SubPlaces.Sum(Count);
}
