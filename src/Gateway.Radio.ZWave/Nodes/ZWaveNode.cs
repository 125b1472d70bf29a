using Gateway.Radio.ZWave.CommandClasses;

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

    /// <summary>Multi Channel endpoints (none for a single-function node); each becomes a device of its own.</summary>
    public IReadOnlyList<ZWaveEndpoint> Endpoints { get; init; } = [];

    /// <summary>True when the node's meter can be reset (Meter Supported Report).</summary>
    public bool MeterResettable { get; init; }

    /// <summary>The wake-up interval the gateway set (seconds); null for a listening node or one not set yet.</summary>
    public int? WakeUpIntervalSeconds { get; init; }

    /// <summary>True once the node's lifeline (association group 1) points at the controller.</summary>
    public bool LifelineSet { get; init; }

    public bool Supports(byte commandClass) => CommandClasses.Contains(commandClass);

    /// <summary>True when the node hears the controller only when it wakes up (not listening; FLiRS nodes count as listening).</summary>
    public bool Sleeps => !Listening && Supports(CommandClassId.WakeUp);

    /// <summary>The command classes of the root (endpoint 0) or of one endpoint.</summary>
    public IReadOnlyList<byte> CommandClassesOf(byte endpoint) =>
        endpoint == 0 ? CommandClasses : Endpoints.FirstOrDefault(e => e.Index == endpoint)?.CommandClasses ?? [];
}
