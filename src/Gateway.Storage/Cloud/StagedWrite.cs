namespace Gateway.Storage.Cloud;

/// <summary>What one transaction took from the staged uplink messages (<see cref="Staged"/>) and stored in all.</summary>
internal readonly record struct StagedWrite(int Staged, int Rows, long Bytes);
