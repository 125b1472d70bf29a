using System.Text.Json;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Where downlink requests are applied: the same execution engine, services and validation the local API uses.
/// Failures a client can cause come out as <see cref="Gateway.Core.Errors.OverkizException"/>.
/// </summary>
public interface ICloudCommandTarget
{
    /// <summary>Runs a body shaped like the one of POST /exec/apply; returns the execution id.</summary>
    Task<string> ApplyAsync(JsonElement body, CancellationToken cancellationToken);

    Task<string> RunActionGroupAsync(string actionGroupOid, CancellationToken cancellationToken);

    /// <summary>False when no such execution is running.</summary>
    bool Cancel(string execId);

    /// <summary>True when <paramref name="token"/> is the secret of a bearer token of the local API.</summary>
    ValueTask<bool> IsAuthorizedAsync(string token, CancellationToken cancellationToken);

    /// <summary>Applies a setup request (create/update/delete of the setup, tokens, licence); null when <paramref name="type"/> is none.</summary>
    Task<CloudAnswer?> SetupAsync(string type, JsonElement request, CancellationToken cancellationToken);
}
