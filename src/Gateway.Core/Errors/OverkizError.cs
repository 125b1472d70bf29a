namespace Gateway.Core.Errors;

/// <summary>
/// An error a client caused, carrying the exact body a TaHoma box answers with: <c>{"errorCode","error"}</c>.
/// </summary>
public sealed record OverkizError(int Status, string ErrorCode, string? Error)
{
    public static OverkizError NoSuchDevice(string deviceUrl) => new(400, "NO_SUCH_DEVICE", $"No such device : \"{deviceUrl}\"");
    public static OverkizError DuplicateActionOnDevice(string deviceUrl) => new(400, "DUPLICATE_FIELD_OR_VALUE", $"Another action exists on the same device : {deviceUrl}");
    public static OverkizError MalformedActionGroup() => Malformed("Malformed action group");
    public static OverkizError MalformedFetchId() => Malformed("Malformed fetch id.");
    public static OverkizError MissingExecutionId() => Malformed("Missing execution id");
    public static OverkizError MalformedDeviceStates() => Malformed("Malformed devices states");
    public static OverkizError NoRegisteredEventListener() => new(400, "UNSPECIFIED_ERROR", "\"No registered event listener.\"");
    public static OverkizError UnknownObject() => new(400, "UNSPECIFIED_ERROR", "Unknown object.");
    public static OverkizError Unspecified() => new(400, "UNSPECIFIED_ERROR", null);
    public static OverkizError NoCorrespondingExecId(string execId) => new(400, "UNSPECIFIED_ERROR", $"\"No corresponding execId {execId}\"");
    public static OverkizError MissingAuthorizationToken() => new(401, "RESOURCE_ACCESS_DENIED", "Missing authorization token.");
    public static OverkizError NotAuthenticated() => new(401, "RESOURCE_ACCESS_DENIED", "Not authenticated.");
    public static OverkizError BadParameters(string message) => new(400, "INVALID_PARAMETER", $"Bad parameters. (\"\"{message}\"\")");
    public static OverkizError TooManyExecutions(int limit) => new(400, "EXEC_QUEUE_FULL", $"Too many executions in progress (limit {limit})");
    public static OverkizError ShuttingDown() => new(400, "UNSPECIFIED_ERROR", "\"The gateway is shutting down.\"");
    public static OverkizError TooManyListeners(int limit) => new(400, "UNSPECIFIED_ERROR", $"\"Too many registered event listeners (limit {limit}).\"");
    public static OverkizError BodyTooLarge(long limit) => new(413, "INVALID_PARAMETER", $"Bad parameters. (\"\"request body larger than {limit} bytes\"\")");
    public static OverkizError UnsupportedMediaType() => new(415, "INVALID_PARAMETER", "Bad parameters. (\"\"expected application/json\"\")");
    public static OverkizError StorageFull() => new(507, "UNSPECIFIED_ERROR", "\"The gateway's storage is full or failing; nothing was saved.\"");
    public static OverkizError MethodNotAllowed() => new(405, "UNSPECIFIED_ERROR", "Unknown object.");

    private static OverkizError Malformed(string what) => new(400, "MISSING_PARAMETERS", $"Malformed \"{what}\". (missing parameter)");
}
