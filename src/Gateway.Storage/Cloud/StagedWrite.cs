using Gateway.Core.Cloud;

namespace Gateway.Storage.Cloud;

/// <summary>
/// What one transaction took from the staged uplink messages (<see cref="Staged"/>) and stored in all
/// (<see cref="Messages"/>, in order).
/// </summary>
internal readonly record struct StagedWrite(int Staged, IReadOnlyList<CommittedMessage> Messages, long Bytes)
{
    public int Rows => Messages?.Count ?? 0;
}
