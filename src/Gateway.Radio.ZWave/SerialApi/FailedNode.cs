namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// The failed-node functions. IsFailedNode (0x62): request <c>node</c>, response <c>1</c> when the controller has the
/// node on its failed list. RemoveFailedNode (0x61) and ReplaceFailedNode (0x63): request <c>node, callback id</c>,
/// response <c>0</c> when started (otherwise flags saying why not), then callbacks <c>callback id, status</c>.
/// </summary>
public static class FailedNode
{
    /// <summary>Start flags of the response: 0 is started.</summary>
    public const byte Started = 0x00;
    public const byte NotPrimaryController = 0x02;
    public const byte NoCallbackFunction = 0x04;
    public const byte NodeNotFound = 0x08;
    public const byte ProcessBusy = 0x10;
    public const byte ProcessFailed = 0x20;

    /// <summary>The node answers: it is not failed, nothing was done.</summary>
    public const byte StatusNodeOk = 0x00;
    public const byte StatusNodeRemoved = 0x01;
    public const byte StatusNodeNotRemoved = 0x02;

    /// <summary>Replace: the controller waits for the new device to be included with the failed node's id.</summary>
    public const byte StatusReplaceReady = 0x03;
    public const byte StatusReplaceDone = 0x04;
    public const byte StatusReplaceFailed = 0x05;

    public static byte[] Request(byte nodeId, byte callbackId) => [nodeId, callbackId];

    public static bool IsFailed(ReadOnlySpan<byte> isFailedResponse) => isFailedResponse.Length > 0 && isFailedResponse[0] != 0;

    /// <summary>The callback's status, or null when it is too short.</summary>
    public static byte? Status(ReadOnlySpan<byte> callback) => callback.Length < 2 ? null : callback[1];

    /// <summary>Why the controller did not start (the response's flags), in words.</summary>
    public static string Refusal(byte flags) => flags switch
    {
        _ when (flags & NodeNotFound) != 0 => "the controller does not know the node",
        _ when (flags & NotPrimaryController) != 0 => "the controller is not the primary controller",
        _ when (flags & ProcessBusy) != 0 => "the controller is busy with another operation",
        _ when (flags & NoCallbackFunction) != 0 => "no callback id was given",
        _ => $"the controller refused (flags 0x{flags:X2})",
    };
}
