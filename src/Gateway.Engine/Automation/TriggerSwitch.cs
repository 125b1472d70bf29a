using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation;

/// <summary>
/// The gateway-wide trigger switch. Switched off, triggers keep following their conditions and schedules (so
/// switching back on does not replay what happened meanwhile) but run no effects.
/// </summary>
public sealed class TriggerSwitch(ISettingsStore settings, IEventBus bus, SetupIdentity identity, TimeProvider time, ILogger<TriggerSwitch>? logger = null)
{
    public const string SettingKey = "automation.enabled";
    private volatile bool _enabled = true;

    public bool Enabled => _enabled;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(SettingKey, cancellationToken) is { } json)
            _enabled = (StoredJson.ReadOne(json, AutomationJsonContext.Default.TriggersSwitch,
                reason => logger?.LogError("Stored {Key} cannot be loaded and is ignored: {Reason}", SettingKey, reason)) ?? new()).Enabled;
    }

    public async Task SetAsync(bool enabled, CancellationToken cancellationToken)
    {
        await settings.SetAsync(SettingKey, JsonSerializer.Serialize(new TriggersSwitch { Enabled = enabled }, AutomationJsonContext.Default.TriggersSwitch), cancellationToken);
        var changed = _enabled != enabled;
        _enabled = enabled;
        if (changed) bus.Publish(new GatewayFunctionChangedEvent(time.GetUtcNow().ToUnixTimeMilliseconds(), identity.GatewayId, GatewayFunctionChangedEvent.Triggers, enabled));
    }
}
