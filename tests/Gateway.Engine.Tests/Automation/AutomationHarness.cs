using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Catalog;
using Gateway.Core.Location;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;
using Gateway.Engine.Devices;
using Gateway.Engine.Events;
using Gateway.Engine.Executions;
using Gateway.Engine.Location;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests.Automation;

/// <summary>
/// A home in Paris with a living-room thermometer, a kitchen thermometer and an awning, a manual clock starting at a
/// chosen local time, the action group "Lower the awning", and a trigger engine that can be restarted over the same
/// settings.
/// </summary>
internal sealed class AutomationHarness : IAsyncDisposable
{
    public const string Zone = "Europe/Paris";
    public const string LivingRoom = "10";
    public const string Kitchen = "11";
    public const string Awning = "20";

    public ManualTimeProvider Time { get; }
    public EventBus Bus { get; } = new(NullLogger<EventBus>.Instance);
    public RecordingSink Sink { get; } = new();
    public InMemoryExecutionStore Executions { get; } = new();
    public InMemorySettingsStore Settings { get; } = new();
    public DeviceRegistry Registry { get; }
    public ActionGroupService ActionGroups { get; }
    public LocationService Location { get; }
    public ConditionGroupService ConditionGroups { get; }
    public TriggerEngine Triggers { get; private set; } = null!;
    public string LowerAwningOid { get; private set; } = "";

    private AutomationHarness(DateTimeOffset start)
    {
        Time = new ManualTimeProvider(start);
        Bus.Subscribe(Sink);
        Registry = new DeviceRegistry(DeviceCatalog.LoadEmbedded(), new InMemoryDeviceStore(), Bus, EngineHarness.Identity, Time, NullLogger<DeviceRegistry>.Instance);
        Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered(LivingRoom, "io:TemperatureIOSystemSensor", "Living room", [DeviceState.Of("core:TemperatureState", 22.0)], []));
        Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered(Kitchen, "io:TemperatureIOSystemSensor", "Kitchen", [DeviceState.Of("core:TemperatureState", 21.0)], []));
        Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered(Awning, "io:HorizontalAwningIOComponent", "Awning",
            [DeviceState.Of("core:DeploymentState", 0), DeviceState.Of("core:MovingState", false), DeviceState.Of("core:OpenClosedState", "closed")], []));
        var engine = new ExecutionEngine(Registry, new RadioDirectory([new ScriptedRadio(Time)]), Bus, Executions, EngineHarness.Identity,
            new EngineOptions { MaxConcurrentExecutions = 50, CommandTimeout = TimeSpan.FromSeconds(30) }, Time, NullLogger<ExecutionEngine>.Instance);
        ActionGroups = new ActionGroupService(new InMemoryActionGroupStore(), Registry, engine, Bus, EngineHarness.Identity, Time);
        Location = new LocationService(Settings, Time);
        ConditionGroups = new ConditionGroupService(Settings, Registry, Bus, EngineHarness.Identity, Time);
    }

    /// <summary>A harness whose clock starts at <paramref name="local"/> in Paris, with the trigger engine running.</summary>
    public static async Task<AutomationHarness> StartAsync(DateTime local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var h = new AutomationHarness(new DateTimeOffset(local, zone.GetUtcOffset(local)));
        await h.Location.UpdateAsync(new SetupLocation { Timezone = Zone, Latitude = 48.8566, Longitude = 2.3522 }, default);
        var group = await h.ActionGroups.CreateAsync(new ActionGroupDraft("Lower the awning",
            [new Core.Executions.ActionRecord(Url(Awning), [new Core.Executions.CommandRecord("deploy", null, null)])], null, false, 0, null, null, null), default);
        h.LowerAwningOid = group.Oid;
        await h.StartEngineAsync();
        return h;
    }

    public static string Url(string address) => EngineHarness.Url(address);

    public async Task StartEngineAsync()
    {
        Triggers = new TriggerEngine(Registry, ConditionGroups, ActionGroups, Location, Settings, Bus, EngineHarness.Identity, Time, NullLogger<TriggerEngine>.Instance);
        await Triggers.LoadAsync(default);
        await Triggers.StartAsync(default);
    }

    /// <summary>Stops the engine, lets <paramref name="off"/> pass (state changes meanwhile go unseen), starts a new one.</summary>
    public async Task RestartEngineAsync(TimeSpan off, Action? whileOff = null)
    {
        await Triggers.StopAsync(default);
        if (off > TimeSpan.Zero) Time.Jump(off);
        whileOff?.Invoke();
        await StartEngineAsync();
    }

    public async Task SetAsync(string address, DeviceState state)
    {
        Registry.Apply(ScriptedRadio.Name, new StatesReported(address, [state]));
        await Triggers.WhenIdleAsync();
    }

    public Task SetTemperatureAsync(double celsius, string address = LivingRoom) => SetAsync(address, DeviceState.Of("core:TemperatureState", celsius));

    /// <summary>Moves the clock in one-second steps (the engine's tick), letting the engine catch up after each.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var end = Time.GetUtcNow() + by;
        while (Time.GetUtcNow() < end)
        {
            var step = end - Time.GetUtcNow();
            Time.Advance(step < TimeSpan.FromSeconds(1) ? step : TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            await Triggers.WhenIdleAsync();
        }
    }

    public async Task JumpAsync(TimeSpan by)
    {
        Time.Jump(by);
        await Triggers.WhenIdleAsync();
        await Triggers.WhenIdleAsync();
    }

    /// <summary>Executions started by a trigger (any trigger).</summary>
    public int Runs => Executions.Started.Values.Count(r => r.Source.StartsWith("trigger:", StringComparison.Ordinal));

    public async Task<int> RunsAfterSettlingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Runs < Triggers.Fired && DateTime.UtcNow < deadline) await Task.Delay(5);
        return Runs;
    }

    /// <summary>"If the living-room temperature stays above 26 °C for 10 minutes between 11:00 and 18:00 on weekdays, lower the awning."</summary>
    public string HotAfternoonJson(string window = """{"weekHours":{"startMinutes":660,"stopMinutes":1080,"startType":"TIME","stopType":"TIME","dayMask":31}}""",
        int delaySeconds = 600, int mode = 3) => $$"""
        {"ifThenSetupTrigger":{
          "label":"Lower the awning when the living room is hot","mode":{{mode}},
          "schedulingIntervals":[{{window}}],
          "rootConditionBlock":{"staticDeviceStateCondition":{"deviceURL":"{{Url(LivingRoom)}}","stateName":"core:TemperatureState",
            "operator":"GREATER_THAN","value1":"26","type":"EVENT_BASED","activationDelay":{{delaySeconds}} } },
          "effects":[{"actionGroupEffect":{"actionGroupOID":"{{LowerAwningOid}}"} }]} }
        """;

    public async Task<IfThenSetupTrigger> CreateAsync(string json, bool allowExecuteOnCreate = false)
    {
        using var document = JsonDocument.Parse(json);
        var trigger = await Triggers.CreateAsync(AutomationRequestReader.ReadTrigger(document.RootElement), allowExecuteOnCreate, default);
        await Triggers.WhenIdleAsync();
        return trigger;
    }

    public async ValueTask DisposeAsync() => await Triggers.DisposeAsync();
}
