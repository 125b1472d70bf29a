using Gateway.Core.Executions;

namespace Gateway.Core.Radio;

public sealed class RadioCommandException(FailureType failureType, string message) : Exception(message)
{
    public FailureType FailureType { get; } = failureType;
}
