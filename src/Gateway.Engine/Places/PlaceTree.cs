using Gateway.Core.Errors;
using Gateway.Core.Model;
using Gateway.Engine.Setup;

namespace Gateway.Engine.Places;

/// <summary>
/// The rules of the place tree, in memory and without locking (its owner locks): one root that is never moved or
/// deleted, every other place under an existing parent, no cycles, and only empty places deleted. Every refusal is
/// an <see cref="OverkizException"/> carrying the error body the API answers.
/// </summary>
public sealed class PlaceTree
{
    private readonly Dictionary<string, PlaceRecord> _places = new(StringComparer.Ordinal);

    public PlaceTree(PlaceRecord root, IEnumerable<PlaceRecord> others)
    {
        if (root.ParentOid is not null) throw new ArgumentException("the root place has no parent", nameof(root));
        RootOid = root.Oid;
        _places[root.Oid] = root;
        var pending = others.Where(p => p.Oid != root.Oid).ToList();
        // Parents first; a stored place whose parent is gone (or that sits in a loop) is re-attached to the root,
        // one at a time so that its own sub-places stay under it: one bad row cannot hide a part of the home.
        while (pending.Count > 0)
        {
            var progressed = true;
            while (progressed)
            {
                progressed = false;
                foreach (var place in pending.ToList())
                {
                    if (place.ParentOid is null || !_places.ContainsKey(place.ParentOid)) continue;
                    _places[place.Oid] = place;
                    pending.Remove(place);
                    progressed = true;
                }
            }
            if (pending.Count == 0) break;
            var orphan = pending[0] with { ParentOid = RootOid };
            pending.RemoveAt(0);
            _places[orphan.Oid] = orphan;
            Repaired.Add(orphan);
        }
    }

    public string RootOid { get; }

    /// <summary>Places whose stored parent did not exist and that now hang under the root (to be saved again).</summary>
    public List<PlaceRecord> Repaired { get; } = [];

    public int Count => _places.Count;

    public bool Contains(string oid) => _places.ContainsKey(oid);

    public PlaceRecord Get(string oid) =>
        _places.GetValueOrDefault(oid) ?? throw new OverkizException(OverkizError.UnknownObject());

    public bool HasChildren(string oid) => _places.Values.Any(p => p.ParentOid == oid);

    public PlaceRecord Add(string oid, string parentOid, string label, int type, string? metadata, long now)
    {
        Get(parentOid);
        CheckLabel(label);
        if (_places.Count >= MaxPlaces) throw new OverkizException(OverkizError.LimitExceeded("the number of places", MaxPlaces, "places"));
        var place = new PlaceRecord(oid, parentOid, label, type, metadata, now, now);
        _places[oid] = place;
        return place;
    }

    public PlaceRecord Update(string oid, string label, int type, string? metadata, long now)
    {
        var place = Get(oid);
        CheckLabel(label);
        return _places[oid] = place with { Label = label, Type = type, Metadata = metadata, LastUpdateTime = now };
    }

    public PlaceRecord Move(string oid, string newParentOid, long now)
    {
        var place = Get(oid);
        Get(newParentOid);
        if (oid == RootOid) throw new OverkizException(OverkizError.BadParameters("the root place cannot be moved"));
        for (string? ancestor = newParentOid; ancestor is not null; ancestor = _places[ancestor].ParentOid)
            if (ancestor == oid) throw new OverkizException(OverkizError.BadParameters("a place cannot be moved under itself or one of its sub-places"));
        return _places[oid] = place with { ParentOid = newParentOid, LastUpdateTime = now };
    }

    /// <summary>Removes an empty place; <paramref name="holdsDevices"/> says whether a device is still in it.</summary>
    public PlaceRecord Delete(string oid, bool holdsDevices)
    {
        var place = Get(oid);
        if (oid == RootOid) throw new OverkizException(OverkizError.BadParameters("the root place cannot be deleted"));
        if (HasChildren(oid)) throw new OverkizException(OverkizError.BadParameters("the place still has sub-places; move or delete them first"));
        if (holdsDevices) throw new OverkizException(OverkizError.BadParameters("the place still holds devices; relocate them first"));
        _places.Remove(oid);
        return place;
    }

    /// <summary>The place and everything under it, children in creation order.</summary>
    public Place Build(string oid)
    {
        var children = _places.Values.Where(p => p.ParentOid is not null)
            .GroupBy(p => p.ParentOid!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.CreationTime).ThenBy(p => p.Oid, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        return Build(Get(oid), children);
    }

    private static Place Build(PlaceRecord place, Dictionary<string, List<PlaceRecord>> children) =>
        new(place.CreationTime, place.LastUpdateTime, place.Label, place.Type, place.Metadata, place.Oid,
            children.TryGetValue(place.Oid, out var subs) ? subs.Select(s => Build(s, children)).ToList() : []);

    public const int MaxPlaces = 500;

    private static void CheckLabel(string label) => SetupLabel.Check(label);
}
