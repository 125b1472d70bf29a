using System.Text.Json;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Where downlink requests are applied: the same execution engine and action groups the local API uses. Failures a
/// client can cause come out as <see cref="Gateway.Core.Errors.OverkizException"/>.
/// </summary>
public interface ICloudCommandTarget
{
    /// <summary>Runs a body shaped like the one of POST /exec/apply; returns the execution id.</summary>
    Task<string> ApplyAsync(JsonElement body, CancellationToken cancellationToken);

    Task<string> RunActionGroupAsync(string actionGroupOid, CancellationToken cancellationToken);

    /// <summary>False when no such execution is running.</summary>
    bool Cancel(string execId);
}
