using System.Text.Json;
using Gateway.Cloud.Sync;
using Gateway.Core.Executions;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Executions;

namespace Gateway.Daemon.Cloud;

/// <summary>Downlink requests go through the same engine and action groups as POST /exec/apply and /exec/{oid}.</summary>
public sealed class CloudCommandTarget(ExecutionEngine engine, ActionGroupService actionGroups) : ICloudCommandTarget
{
    public const string Owner = "cloud";

    public Task<string> ApplyAsync(JsonElement body, CancellationToken cancellationToken) =>
        engine.ApplyAsync(ExecutionRequestParser.Parse(body, Owner, Owner), cancellationToken);

    public Task<string> RunActionGroupAsync(string actionGroupOid, CancellationToken cancellationToken) =>
        actionGroups.ExecuteAsync(actionGroupOid, Owner, Owner, cancellationToken);

    public bool Cancel(string execId) => engine.Cancel(execId);
}
