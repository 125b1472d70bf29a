namespace Gateway.Cloud.Sync;

/// <summary>What the local API would have answered: its HTTP status and its JSON body.</summary>
public sealed record CloudAnswer(int Status, byte[] Body)
{
    public static CloudAnswer NoContent { get; } = new(204, "{}"u8.ToArray());

    public static CloudAnswer Ok { get; } = new(200, "{}"u8.ToArray());
}
