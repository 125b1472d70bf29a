namespace Gateway.Core.Errors;

/// <summary>Thrown where a client request is refused; the API turns it into the error body.</summary>
public sealed class OverkizException(OverkizError error) : Exception(error.Error ?? error.ErrorCode)
{
    public OverkizError Error { get; } = error;
}
