using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Endpoints;

/// <summary>A result written by hand once the history is read (the device resource itself answers synchronously).</summary>
public sealed class StateHistoryResult(Func<HttpContext, Task> write) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => write(httpContext);
}
