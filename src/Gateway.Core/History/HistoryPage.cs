namespace Gateway.Core.History;

/// <summary>Which slice of a history, newest first: skip <see cref="Offset"/> entries, then take <see cref="Limit"/>.</summary>
public readonly record struct HistoryPage(int Offset, int Limit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static readonly HistoryPage First = new(0, DefaultLimit);
}
