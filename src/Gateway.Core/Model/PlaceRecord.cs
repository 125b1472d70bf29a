namespace Gateway.Core.Model;

/// <summary>One place as stored: a row of the flat table the tree is built from. The root has no parent.</summary>
public sealed record PlaceRecord(string Oid, string? ParentOid, string Label, int Type, string? Metadata, long CreationTime, long LastUpdateTime);
