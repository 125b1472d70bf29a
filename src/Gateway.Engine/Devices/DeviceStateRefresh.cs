using Gateway.Core.Errors;
using Gateway.Core.Executions;
using Gateway.Core.Limits;
using Gateway.Core.Model;
using Gateway.Engine.Executions;

namespace Gateway.Engine.Devices;

/// <summary>
/// Asks devices to report their states again, through the execution engine like any other command: each device
/// that has a refresh command in its definition (<c>refreshState</c>, or its kind's own <c>refresh…</c> commands
/// without parameters) gets it; the fresh values arrive as DeviceStateChangedEvents when they differ.
/// </summary>
public sealed class DeviceStateRefresh(DeviceRegistry registry, ExecutionEngine engine)
{
    private const string Label = "Refresh states";

    /// <summary>Refreshes one device; refused when the device cannot be asked (its radio only reports on its own).</summary>
    public async Task<string> RefreshAsync(string deviceUrl, string owner, CancellationToken cancellationToken)
    {
        var device = registry.Find(deviceUrl) ?? throw new OverkizException(OverkizError.NoSuchDevice(deviceUrl));
        var commands = RefreshCommandsOf(device);
        if (commands.Count == 0) throw new OverkizException(OverkizError.BadParameters($"{deviceUrl} has no command to refresh its states; it reports them by itself"));
        return await engine.ApplyAsync(new ExecutionRequest(Label, [new ActionRecord(deviceUrl, commands)], owner, "local"), cancellationToken);
    }

    /// <summary>Refreshes every device that can be asked, or those listed; the execIds started (none when no device can be asked).</summary>
    public async Task<IReadOnlyList<string>> RefreshAllAsync(IReadOnlyList<string>? deviceUrls, string owner, CancellationToken cancellationToken)
    {
        IEnumerable<Device> devices = deviceUrls is null
            ? registry.All()
            : deviceUrls.Select(url => registry.Find(url) ?? throw new OverkizException(OverkizError.NoSuchDevice(url))).ToList();
        var actions = devices
            .Select(d => new ActionRecord(d.DeviceUrl, RefreshCommandsOf(d)))
            .Where(a => a.Commands.Count > 0)
            .ToList();
        var execIds = new List<string>();
        foreach (var chunk in actions.Chunk(ApiLimits.MaxActions))
            execIds.Add(await engine.ApplyAsync(new ExecutionRequest(Label, chunk, owner, "local"), cancellationToken));
        return execIds;
    }

    /// <summary>refreshState when the kind has it, else its parameterless refresh… commands; none for the gateway's own devices.</summary>
    public static IReadOnlyList<CommandRecord> RefreshCommandsOf(Device device)
    {
        if (device.DeviceUrl.StartsWith("internal://", StringComparison.Ordinal)) return [];
        if (device.Definition.FindCommand("refreshState") is { Nparams: 0 }) return [new CommandRecord("refreshState", null, null)];
        return device.Definition.Commands
            .Where(c => c.Nparams == 0 && c.CommandName.StartsWith("refresh", StringComparison.Ordinal))
            .Select(c => new CommandRecord(c.CommandName, null, null))
            .ToList();
    }
}
