namespace Gateway.Cloud.Sync;

/// <summary>
/// The numeric return code of an answer, from the cloud's code table (seeds 000/001): 0 is success, anything else a
/// failure. The HTTP status and the Overkiz body stay the authoritative answer; the code is for consumers that key on it.
/// </summary>
public static class CloudReturnCodes
{
    public const int Success = 0;
    public const int DeviceDoesNotExist = 5;
    public const int PermissionDenied = 107;
    public const int MissingParameter = 130;
    public const int InvalidValue = 146;
    public const int InternalError = 1001;

    public static int For(int status, string? errorCode) => status switch
    {
        < 300 => Success,
        401 or 403 => PermissionDenied,
        >= 500 => InternalError,
        _ => errorCode switch
        {
            "NO_SUCH_DEVICE" => DeviceDoesNotExist,
            "MISSING_PARAMETERS" => MissingParameter,
            _ => InvalidValue,
        },
    };
}
