namespace Gateway.Cli.Daemon;

/// <summary>The daemon answered with an error body (<c>{"errorCode", "error"}</c>).</summary>
public sealed class DaemonRefusedException(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string ErrorCode { get; } = errorCode;
}
