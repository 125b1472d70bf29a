namespace Gateway.Radio.Io.Protocol;

/// <summary>The operating state a node reports with its position.</summary>
public static class NodeOperatingState
{
    public const byte NonExecuting = 0;
    public const byte ErrorExecuting = 1;
    public const byte NotUsed = 2;
    public const byte WaitingForPower = 3;
    public const byte Executing = 4;
    public const byte Done = 5;
}
