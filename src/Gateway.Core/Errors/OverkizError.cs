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
    /// <summary>The box's own body for an unspecified error; the gateway never answers it (its messages are never null).</summary>
    public static OverkizError Unspecified() => new(400, "UNSPECIFIED_ERROR", null);
    /// <summary>A fault of the gateway itself, not of the request: a 500 that still says something.</summary>
    public static OverkizError Internal() => new(500, "UNSPECIFIED_ERROR", "\"The gateway could not process the request (internal error, logged).\"");
    public static OverkizError NoCorrespondingExecId(string execId) => new(400, "UNSPECIFIED_ERROR", $"\"No corresponding execId {execId}\"");
    public static OverkizError MissingAuthorizationToken() => new(401, "RESOURCE_ACCESS_DENIED", "Missing authorization token.");
    public static OverkizError NotAuthenticated() => new(401, "RESOURCE_ACCESS_DENIED", "Not authenticated.");
    public static OverkizError BadParameters(string message) => new(400, "INVALID_PARAMETER", $"Bad parameters. (\"\"{message}\"\")");
    public static OverkizError TooManyExecutions(int limit) => new(400, "EXEC_QUEUE_FULL", $"Too many executions in progress (limit {limit})");
    public static OverkizError ShuttingDown() => new(400, "UNSPECIFIED_ERROR", "\"The gateway is shutting down.\"");
    public static OverkizError TooManyListeners(int limit) => new(400, "UNSPECIFIED_ERROR", $"\"Too many registered event listeners (limit {limit}).\"");
    public static OverkizError TooManyListenersForToken(int limit) => new(400, "UNSPECIFIED_ERROR", $"\"Too many registered event listeners for this token (limit {limit}).\"");
    public static OverkizError BodyTooLarge(long limit) => BadParameters($"request body larger than the limit of {limit} bytes");

    /// <summary>A value beyond one of the <see cref="Limits.ApiLimits"/>; the message names the limit.</summary>
    public static OverkizError LimitExceeded(string what, long limit, string unit) => BadParameters($"{what} exceeds the limit of {limit} {unit}");
    public static OverkizError UnsupportedMediaType() => new(415, "INVALID_PARAMETER", "Bad parameters. (\"\"expected application/json\"\")");
    /// <summary>No box text exists for this (a box answers its own way); the message names what the route accepts.</summary>
    public static OverkizError MethodNotAllowed(string method, string allowed) =>
        new(405, "UNSPECIFIED_ERROR", string.IsNullOrEmpty(allowed)
            ? $"Method {method} is not allowed on this resource."
            : $"Method {method} is not allowed on this resource; allowed: {allowed}.");
    public static OverkizError StorageFull() => new(507, "UNSPECIFIED_ERROR", "\"The gateway's storage is full or failing; nothing was saved.\"");

    private static OverkizError Malformed(string what) => new(400, "MISSING_PARAMETERS", $"Malformed \"{what}\". (missing parameter)");
}
