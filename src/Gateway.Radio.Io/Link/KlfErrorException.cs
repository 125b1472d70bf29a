namespace Gateway.Radio.Io.Link;

/// <summary>The interface answered a request with GW_ERROR_NTF.</summary>
public sealed class KlfErrorException(byte errorNumber) : Exception($"the KLF-200 refused the request: {Describe(errorNumber)}")
{
    public byte ErrorNumber { get; } = errorNumber;

    public static string Describe(byte errorNumber) => errorNumber switch
    {
        0 => "undefined error",
        1 => "unknown command or not accepted in this state",
        2 => "frame error",
        7 => "busy",
        8 => "bad system table index",
        12 => "not authenticated",
        _ => $"error {errorNumber}",
    };
}
