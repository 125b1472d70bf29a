namespace Gateway.Radio.ZWave.Nodes;

/// <summary>What the interview learned about a node; kept in the radio settings store so a restart needs no re-interview.</summary>
public sealed record ZWaveNode(byte NodeId, bool Listening, byte Basic, byte Generic, byte Specific, IReadOnlyList<byte> CommandClasses)
{
    public ushort? ManufacturerId { get; init; }
    public ushort? ProductType { get; init; }
    public ushort? ProductId { get; init; }
    public string? ApplicationVersion { get; init; }

    /// <summary>Notification types the node said it supports (Notification Supported Report).</summary>
    public IReadOnlyList<byte> NotificationTypes { get; init; } = [];

    /// <summary>Why the gateway does not drive this node (it needs security …); null when it does.</summary>
    public string? Refused { get; init; }

    public bool Supports(byte commandClass) => CommandClasses.Contains(commandClass);
}
