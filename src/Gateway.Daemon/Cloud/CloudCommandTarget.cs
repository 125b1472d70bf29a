using System.Text.Json;
using Gateway.Api.Infrastructure;
using Gateway.Cloud.Sync;
using Gateway.Core.Executions;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Executions;

namespace Gateway.Daemon.Cloud;

/// <summary>
/// Downlink requests go through the same engine, services and token check as the local API: POST /exec/apply,
/// /exec/{oid}, the setup routes (<see cref="CloudSetupRequests"/>) and the bearer token of every route.
/// </summary>
public sealed class CloudCommandTarget(ExecutionEngine engine, ActionGroupService actionGroups, TokenAuthenticator tokens, CloudSetupRequests setup)
    : ICloudCommandTarget
{
    public const string Owner = "cloud";

    public Task<string> ApplyAsync(JsonElement body, CancellationToken cancellationToken) =>
        engine.ApplyAsync(ExecutionRequestParser.Parse(body, Owner, Owner), cancellationToken);

    public Task<string> RunActionGroupAsync(string actionGroupOid, CancellationToken cancellationToken) =>
        actionGroups.ExecuteAsync(actionGroupOid, Owner, Owner, cancellationToken);

    public bool Cancel(string execId) => engine.Cancel(execId);

    public async ValueTask<bool> IsAuthorizedAsync(string token, CancellationToken cancellationToken) =>
        await tokens.AuthenticateAsync(token, cancellationToken) is not null;

    public Task<CloudAnswer?> SetupAsync(string type, JsonElement request, CancellationToken cancellationToken) =>
        setup.HandleAsync(type, request, cancellationToken);
}
